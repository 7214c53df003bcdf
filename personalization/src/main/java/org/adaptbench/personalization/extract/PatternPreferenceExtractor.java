package org.adaptbench.personalization.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaptbench.personalization.store.MemoryKind;

/**
 * The offline extractor: no language model, only sentence patterns ({@link PreferenceCues}) and a
 * {@link SlotClassifier}.
 *
 * <ul>
 *   <li>A user sentence in the first person with a preference predicate ("I prefer", "I can't
 *       stand", "I'm vegetarian", "my favourite", "I'd rather", "always book me") is a preference;
 *       questions, requests for action ("I'd like to book") and reactions ("I like that") are not.</li>
 *   <li>A wish ("I want ...", "I'd like replies that ...", "Please give me ...", "Keep it short") is a
 *       preference when it says it lasts ("from now on", "always") or, with a slot catalogue, plainly
 *       concerns a slot (similarity at least {@link #WISH_MIN_SIMILARITY}), unless it is tied to the
 *       here and now ("this", "tonight").</li>
 *   <li>An imperative forget ("forget that I ...", "please delete what you know about ...") is a
 *       forget request; "forget that" alone refers to the latest memory. Verbs that also act on
 *       things ("remove", "drop") need a preference as object ("Remove the onions" is no forget). A
 *       forget beside a new preference of the same slot, or naming only the topic of a revised one
 *       ("Forget my earlier take on food; these days I prefer ..."), and "scratch that: &lt;preference&gt;"
 *       are changes of mind, not deletions.</li>
 *   <li>"actually", "no longer", "changed my mind", "these days", "instead" mark a change of mind.</li>
 *   <li>A reaction to an answer ("too long", "no need to be so stiff", "I only needed the number",
 *       "could you make it simpler?") in a turn that states nothing is implicit feedback: the whole
 *       turn is kept as one implicit preference (explicit when a wish stands beside it).</li>
 *   <li>A pick among offered options is an implicit preference for the picked option; its slot is
 *       the one the offered options fit best together.</li>
 * </ul>
 * The slot of each statement comes from the classifier (open slots when its catalogue is empty).
 */
public final class PatternPreferenceExtractor implements PreferenceExtractor {

    /** Confidence of a plain first-person statement. */
    public static final double STATED = 0.9;
    /** Confidence of a statement with an intensifier ("really", "always") or a change of mind. */
    public static final double EMPHATIC = 1.0;
    /** Confidence of a reaction to an answer. */
    public static final double FEEDBACK = 0.7;
    /** Confidence of a pick among offered options. */
    public static final double PICKED = 0.6;
    /** Least slot similarity for a wish without a word saying it lasts to count as a preference. */
    public static final double WISH_MIN_SIMILARITY = 0.3;

    /** "that: ..." after a forget verb: a bare "forget that" followed by what holds instead. */
    private static final Pattern CORRECTION = Pattern.compile("^(?:that|it|this)\\s*[:,;\u2013\u2014-]+\\s*(?<clause>\\S.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");

    private final SlotClassifier slots;

    public PatternPreferenceExtractor(SlotClassifier slots) {
        this.slots = Objects.requireNonNull(slots, "slots");
    }

    @Override
    public Extraction extract(String userId, ConversationTurn turn) {
        if (turn.role() != Role.USER) {
            return Extraction.NOTHING;
        }
        if (turn.chosenOption().isPresent()) {
            return new Extraction(List.of(pick(userId, turn)), List.of());
        }
        List<PreferenceSignal> signals = new ArrayList<>();
        boolean stated = false;
        boolean wished = false;
        boolean reacted = false;
        List<String> sentences = sentences(turn.text());
        for (String sentence : sentences) {
            Matcher forget = PreferenceCues.FORGET.matcher(sentence);
            Matcher correction = forget.matches() ? CORRECTION.matcher(forget.group("rest")) : null;
            if (correction != null && correction.matches() && states(userId, correction.group("clause"))) {
                // "Scratch that: I'd like longer answers now" corrects the last preference, it deletes nothing
                stated = true;
                String clause = correction.group("clause");
                PreferenceSignal corrected = remember(slotOf(userId, clause), clause, MemoryKind.EXPLICIT);
                signals.add(new PreferenceSignal(corrected.action(), corrected.slot(), clause, corrected.kind(), EMPHATIC, true));
            } else if (forget.matches()) {
                signals.add(forget(userId, forget.group("rest")));
            } else if (PreferenceCues.isStatement(sentence)) {
                stated = true;
                signals.add(remember(slotOf(userId, sentence), sentence, MemoryKind.EXPLICIT));
            } else if (isLastingWish(userId, sentence)) {
                wished = true;
                signals.add(remember(slotOf(userId, sentence), sentence, MemoryKind.EXPLICIT));
            } else {
                reacted |= PreferenceCues.isFeedback(sentence);
            }
        }
        if (reacted && !stated && signals.stream().allMatch(s -> s.action() == PreferenceSignal.Action.REMEMBER)) {
            // the reaction and any wish beside it explain one another: keep the turn whole
            signals.clear();
            signals.add(feedback(userId, strip(turn.text()), wished));
        }
        if (signals.size() == 1 && sentences.size() > 1 && signals.get(0).action() == PreferenceSignal.Action.REMEMBER) {
            signals.set(0, inContext(userId, signals.get(0), strip(turn.text())));
        }
        return new Extraction(revisions(userId, signals), List.of());
    }

    /**
     * The turn's only preference, kept with the whole turn when the turn fits a slot better than the
     * sentence alone ("I'm a specialist; skip the simplifications": the second half names the slot).
     */
    private PreferenceSignal inContext(String userId, PreferenceSignal alone, String turn) {
        if (slots.catalogue().isOpen()) {
            return alone;
        }
        SlotClassifier.SlotFit sentenceFit = slots.fit(userId, alone.statement());
        SlotClassifier.SlotFit turnFit = slots.fit(userId, turn);
        if (!turnFit.fits() || sentenceFit.fits() && sentenceFit.similarity() >= turnFit.similarity()) {
            return alone;
        }
        return new PreferenceSignal(alone.action(), turnFit.slot(), turn, alone.kind(), alone.confidence(), alone.revision());
    }

    /** True when {@code sentence} states a preference or a lasting wish. */
    private boolean states(String userId, String sentence) {
        return PreferenceCues.isStatement(sentence) || isLastingWish(userId, sentence);
    }

    /**
     * True when {@code sentence} is a wish that says it lasts, or asks for a kind of thing that plainly
     * concerns a slot; never when it is tied to the moment.
     */
    private boolean isLastingWish(String userId, String sentence) {
        Optional<PreferenceCues.Wish> wish = PreferenceCues.wish(sentence);
        if (wish.isEmpty() || PreferenceCues.isOneOff(sentence)) {
            return false;
        }
        if (PreferenceCues.isStanding(sentence)) {
            return true;
        }
        SlotClassifier.SlotFit fit = slots.fit(userId, sentence);
        return !wish.get().instance() && fit.fits() && fit.similarity() >= WISH_MIN_SIMILARITY;
    }

    /** The slot that the sentence, or what its predicate is about, fits better. */
    private String slotOf(String userId, String sentence) {
        SlotClassifier.SlotFit whole = slots.fit(userId, sentence);
        Optional<SlotClassifier.SlotFit> content = PreferenceCues.content(sentence).map(c -> slots.fit(userId, c));
        return content.filter(c -> c.fits() && (!whole.fits() || c.similarity() > whole.similarity())).orElse(whole).slot();
    }

    private PreferenceSignal remember(String slot, String sentence, MemoryKind kind) {
        boolean revision = PreferenceCues.isRevision(sentence);
        double confidence = revision || PreferenceCues.isEmphatic(sentence) ? EMPHATIC : STATED;
        return new PreferenceSignal(PreferenceSignal.Action.REMEMBER, slot, sentence, kind, confidence, revision);
    }

    private PreferenceSignal forget(String userId, String rest) {
        String target = PreferenceCues.FORGET_FILLER.matcher(strip(rest)).replaceFirst("").strip();
        target = target.replaceAll("^(?:it|that|this|them)\\s*[.!]*$", "").replaceAll("[\\s;:,]+$", "");
        String slot = target.isBlank() ? "" : slots.classify(userId, target);
        return new PreferenceSignal(PreferenceSignal.Action.FORGET, slot, target, MemoryKind.EXPLICIT, EMPHATIC, false);
    }

    /** The whole turn as one preference, in the slot it fits (none when nothing fits, as for a statement). */
    private PreferenceSignal feedback(String userId, String text, boolean wished) {
        MemoryKind kind = wished ? MemoryKind.EXPLICIT : MemoryKind.IMPLICIT;
        return new PreferenceSignal(PreferenceSignal.Action.REMEMBER, slots.classify(userId, text), text, kind, wished ? STATED : FEEDBACK,
                PreferenceCues.isRevision(text));
    }

    /**
     * "Forget my earlier take on food; these days I prefer Indian food": a forget beside a new
     * preference is a change of mind when both concern the same slot, or when the preference is
     * marked as a revision and the forget names only a topic, not a preference of its own. The
     * forget is dropped (the new preference replaces the old one) and the preference is marked as
     * a revision, in the slot that the topic or the preference fits more closely.
     */
    private List<PreferenceSignal> revisions(String userId, List<PreferenceSignal> signals) {
        Optional<PreferenceSignal> remembered = signals.stream().filter(s -> s.action() == PreferenceSignal.Action.REMEMBER).findFirst();
        if (remembered.isEmpty()) {
            return signals;
        }
        PreferenceSignal change = remembered.get();
        SlotClassifier.SlotFit own = slots.fit(userId, change.statement());
        String slot = change.slot();
        double closest = own.fits() ? own.similarity() : Double.NEGATIVE_INFINITY;
        List<PreferenceSignal> kept = new ArrayList<>(signals.size());
        for (PreferenceSignal signal : signals) {
            boolean sameSlot = !signal.slot().isEmpty() && signal.slot().equals(change.slot());
            boolean topicOnly = change.revision() && !signal.slot().isEmpty() && !PreferenceCues.isStatement(signal.statement())
                    && PreferenceCues.wish(signal.statement()).isEmpty();
            if (signal.action() != PreferenceSignal.Action.FORGET || !(sameSlot || topicOnly)) {
                kept.add(signal);
                continue;
            }
            SlotClassifier.SlotFit topic = slots.fit(userId, signal.statement());
            if (topic.fits() && topic.similarity() > closest) {
                slot = topic.slot();
                closest = topic.similarity();
            }
        }
        if (kept.size() == signals.size()) {
            return signals;
        }
        String changedSlot = slot;
        return kept.stream().map(s -> s == change ? new PreferenceSignal(s.action(), changedSlot, s.statement(), s.kind(), EMPHATIC, true) : s)
                .toList();
    }

    private PreferenceSignal pick(String userId, ConversationTurn turn) {
        String chosen = turn.chosenOption().orElseThrow();
        // the memory names only the pick, so its embedding sits near the picked option, not the others
        String question = turn.text().isBlank() ? "" : " when asked \"" + strip(turn.text()) + "\"";
        String statement = "Picked \"" + strip(chosen) + "\"" + question;
        // the offered options differ along the slot in question, so together they name it; failing
        // that, the question and the pick may
        String slot = slots.fitTogether(userId, turn.options()).slot();
        if (slot.isEmpty() && !turn.text().isBlank()) {
            slot = slots.classify(userId, turn.text() + " " + chosen);
        }
        return new PreferenceSignal(PreferenceSignal.Action.REMEMBER, slot, statement, MemoryKind.IMPLICIT, PICKED, false);
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(text)) {
            String sentence = strip(part);
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    private static String strip(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
