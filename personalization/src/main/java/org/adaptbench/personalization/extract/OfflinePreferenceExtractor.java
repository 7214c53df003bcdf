package org.adaptbench.personalization.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.store.MemoryKind;

/**
 * The offline extractor: no language model, only the sentence embedder, a small intent model over
 * it and a {@link SlotClassifier}.
 *
 * <ul>
 *   <li>Each user sentence gets an intent ({@link IntentModel}: a logistic model over the sentence's
 *       embedding and general grammar, trained on hand-written example sentences of every intent):
 *       a preference (a lasting wish, habit or constraint, a change of mind included), feedback on
 *       the answer just given, a request to forget, or anything else. A sentence is a preference or
 *       feedback when the model gives those at least {@link Settings#remember()}, or at least
 *       {@link Settings#rememberInSlot()} while the sentence plainly concerns a catalogue slot
 *       (similarity at least {@link Settings#slotSimilarity()}); a forget when the model gives
 *       forgetting at least {@link Settings#forget()} and the sentence has a memory verb ("forget",
 *       "delete", "stop storing").</li>
 *   <li>A forget names what it forgets (the words after its verb), or nothing ("forget that": the
 *       latest memory) — unless the turn also names what to forget elsewhere. A forget beside a new
 *       preference of the same slot, or of no slot of its own, is a change of mind, not a deletion
 *       ("Forget my earlier take on food; these days I prefer ...").</li>
 *   <li>A turn with feedback and no forget is kept whole as one preference: implicit, unless one of
 *       its sentences is itself a preference; a turn's only preference is kept with the whole turn
 *       when the turn fits a slot better than the sentence alone.</li>
 *   <li>Change-of-mind words ("actually", "no longer", "instead", "these days") mark a revision.</li>
 *   <li>A pick among offered options is an implicit preference for the picked option; its slot is
 *       the one the offered options fit best together.</li>
 * </ul>
 * The slot of each statement comes from the classifier (open slots when its catalogue is empty).
 * Every sentence is embedded once on behalf of its speaker (the embedder caches it).
 */
public final class OfflinePreferenceExtractor implements PreferenceExtractor {

    /** Confidence of a plain statement. */
    public static final double STATED = 0.9;
    /** Confidence of a statement with an intensifier ("really", "always") or a change of mind. */
    public static final double EMPHATIC = 1.0;
    /** Confidence of a reaction to an answer. */
    public static final double FEEDBACK = 0.7;
    /** Confidence of a pick among offered options. */
    public static final double PICKED = 0.6;

    /**
     * The decision thresholds on the intent model's probabilities.
     *
     * @param remember least probability of preference plus feedback for a sentence to be remembered
     * @param rememberInSlot the lower bar for a sentence that plainly concerns a catalogue slot
     * @param slotSimilarity least slot similarity for that lower bar
     * @param forget least probability of forgetting for a sentence with a memory verb to be a forget request
     */
    public record Settings(double remember, double rememberInSlot, double slotSimilarity, double forget) {

        /**
         * Round values set by hand, not searched; checked only on the synthetic validation world, in
         * pre-training wording ({@code SyntheticExtractionTest.validationWorld}). The shared tuning
         * protocol is where a search over them belongs.
         */
        public static final Settings DEFAULTS = new Settings(0.5, 0.35, 0.35, 0.5);

        public Settings {
            for (double value : new double[] {remember, rememberInSlot, slotSimilarity, forget}) {
                if (!(value >= 0 && value <= 1)) {
                    throw new IllegalArgumentException(String.format(Locale.US, "thresholds must lie in [0, 1], got %s", value));
                }
            }
        }
    }

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+|\\n+");
    private static final Pattern CLAUSE = Pattern.compile("[.!?;:,\u2013\u2014]+\\s*|\\s+-\\s+");
    /** Fewest words of a clause whose slot may stand for its sentence's. */
    private static final int CLAUSE_WORDS = 3;

    private final SlotClassifier slots;
    /** Trained (its examples embedded) on the first turn read: a memory layer that only recalls never pays for it. */
    private final java.util.function.Supplier<IntentModel> intents;
    private IntentModel trained;
    private final Settings settings;

    /** The extractor with its bundled intent model and default thresholds. */
    public OfflinePreferenceExtractor(SlotClassifier slots) {
        this(slots, Settings.DEFAULTS);
    }

    public OfflinePreferenceExtractor(SlotClassifier slots, Settings settings) {
        this(slots, () -> IntentModel.bundled(slots.embedder()), settings);
    }

    OfflinePreferenceExtractor(SlotClassifier slots, IntentModel intents, Settings settings) {
        this(slots, () -> intents, settings);
        Objects.requireNonNull(intents, "intents");
    }

    private OfflinePreferenceExtractor(SlotClassifier slots, java.util.function.Supplier<IntentModel> intents, Settings settings) {
        this.slots = Objects.requireNonNull(slots, "slots");
        this.intents = intents;
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    private synchronized IntentModel intents() {
        if (trained == null) {
            trained = intents.get();
        }
        return trained;
    }

    /** What one sentence of a turn was read as. */
    private record Reading(String sentence, IntentModel.Intent intent, float[] vector) {
    }

    @Override
    public Extraction extract(String userId, ConversationTurn turn) {
        if (turn.role() != Role.USER) {
            return Extraction.NOTHING;
        }
        if (turn.chosenOption().isPresent()) {
            return new Extraction(List.of(pick(userId, turn)), List.of());
        }
        List<Reading> readings = new ArrayList<>();
        for (String sentence : sentences(turn.text())) {
            readings.add(read(userId, sentence));
        }
        String whole = strip(turn.text());
        boolean reacted = readings.stream().anyMatch(r -> r.intent() == IntentModel.Intent.FEEDBACK);
        boolean stated = readings.stream().anyMatch(r -> r.intent() == IntentModel.Intent.PREFERENCE);
        List<PreferenceSignal> forgets = forgets(userId, readings);
        List<PreferenceSignal> signals = new ArrayList<>();
        if (reacted && forgets.isEmpty()) {
            // the reaction and any wish beside it explain one another: keep the turn whole
            signals.add(remember(userId, whole, stated ? MemoryKind.EXPLICIT : MemoryKind.IMPLICIT));
            return new Extraction(signals, List.of());
        }
        for (Reading reading : readings) {
            if (reading.intent() == IntentModel.Intent.PREFERENCE || reading.intent() == IntentModel.Intent.FEEDBACK) {
                signals.add(remember(userId, reading.sentence(), MemoryKind.EXPLICIT));
            }
        }
        if (signals.size() == 1 && readings.size() > 1) {
            signals.set(0, inContext(userId, signals.get(0), whole));
        }
        return new Extraction(changes(userId, signals, forgets), List.of());
    }

    private Reading read(String userId, String sentence) {
        float[] vector = slots.embedder().embedFor(userId, sentence);
        IntentModel.Scores scores = intents().classify(vector, sentence);
        double remember = scores.of(IntentModel.Intent.PREFERENCE) + scores.of(IntentModel.Intent.FEEDBACK);
        IntentModel.Intent intent = IntentModel.Intent.OTHER;
        if (scores.of(IntentModel.Intent.FORGET) >= settings.forget() && GrammarCues.has(GrammarCues.Cue.MEMORY_VERB, sentence)) {
            intent = IntentModel.Intent.FORGET;
        } else if (remember >= settings.remember() || remember >= settings.rememberInSlot() && plainlyInSlot(vector)) {
            intent = scores.of(IntentModel.Intent.FEEDBACK) > scores.of(IntentModel.Intent.PREFERENCE)
                    ? IntentModel.Intent.FEEDBACK : IntentModel.Intent.PREFERENCE;
        }
        return new Reading(sentence, intent, vector);
    }

    private boolean plainlyInSlot(float[] vector) {
        SlotClassifier.SlotFit fit = slots.fit(vector);
        return fit.fits() && fit.similarity() >= settings.slotSimilarity();
    }

    /**
     * The turn's forget requests: each names what it forgets, and a bare "forget it" stands only when
     * nothing else in the turn names a target ("I withdraw my comment on tables; forget it" is one request).
     */
    private List<PreferenceSignal> forgets(String userId, List<Reading> readings) {
        List<PreferenceSignal> named = new ArrayList<>();
        List<PreferenceSignal> bare = new ArrayList<>();
        for (Reading reading : readings) {
            if (reading.intent() != IntentModel.Intent.FORGET) {
                continue;
            }
            String target = GrammarCues.forgetTarget(reading.sentence());
            if (target.isEmpty()) {
                bare.add(new PreferenceSignal(PreferenceSignal.Action.FORGET, "", "", MemoryKind.EXPLICIT, EMPHATIC, false));
            } else {
                String slot = betterSlot(userId, reading.vector(), target);
                named.add(new PreferenceSignal(PreferenceSignal.Action.FORGET, slot, target, MemoryKind.EXPLICIT, EMPHATIC, false));
            }
        }
        return named.isEmpty() ? (bare.isEmpty() ? List.of() : List.of(bare.get(0))) : named;
    }

    /**
     * "Forget my earlier take on food; these days I prefer Indian food": a forget beside a new
     * preference is a change of mind when it concerns the preference's slot or names no slot of its
     * own. The forget is dropped (the new preference replaces the old one) and the preference is
     * marked as a revision; a forget of another slot stays a forget.
     */
    private List<PreferenceSignal> changes(String userId, List<PreferenceSignal> remembered, List<PreferenceSignal> forgets) {
        if (remembered.isEmpty()) {
            return forgets;
        }
        List<PreferenceSignal> signals = new ArrayList<>();
        boolean changed = false;
        for (PreferenceSignal forget : forgets) {
            boolean sameSlot = remembered.stream().anyMatch(r -> r.slot().equals(forget.slot()));
            if (forget.slot().isEmpty() || sameSlot) {
                changed = true;
            } else {
                signals.add(forget);
            }
        }
        for (PreferenceSignal signal : remembered) {
            signals.add(changed ? new PreferenceSignal(signal.action(), signal.slot(), signal.statement(), signal.kind(), EMPHATIC, true) : signal);
        }
        return signals;
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
        return new PreferenceSignal(alone.action(), turnFit.slot(), turn, alone.kind(), alone.confidence(),
                alone.revision() || GrammarCues.isRevision(turn));
    }

    /** The slot that the whole sentence or the words naming its object fit better. */
    private String betterSlot(String userId, float[] sentence, String object) {
        SlotClassifier.SlotFit whole = slots.fit(sentence);
        SlotClassifier.SlotFit part = slots.fit(userId, object);
        return part.fits() && (!whole.fits() || part.similarity() > whole.similarity()) ? part.slot() : whole.slot();
    }

    private PreferenceSignal remember(String userId, String text, MemoryKind kind) {
        boolean revision = GrammarCues.isRevision(text);
        double confidence = kind == MemoryKind.IMPLICIT ? FEEDBACK : revision || GrammarCues.isEmphatic(text) ? EMPHATIC : STATED;
        return new PreferenceSignal(PreferenceSignal.Action.REMEMBER, slotOf(userId, text).slot(), text, kind, confidence, revision);
    }

    /**
     * The slot of a text: the best fit of the text or of one of its clauses (split at punctuation, at
     * least {@value #CLAUSE_WORDS} words). The words that name the preference fit its slot more
     * closely than the frame around them ("That missed the mark; next time, numbered steps, please").
     */
    private SlotClassifier.SlotFit slotOf(String userId, String text) {
        SlotClassifier.SlotFit best = slots.fit(userId, text);
        for (String clause : CLAUSE.split(text)) {
            String part = clause.strip();
            if (GrammarCues.words(part) < CLAUSE_WORDS || part.equals(text)) {
                continue;
            }
            SlotClassifier.SlotFit fit = slots.fit(userId, part);
            if (fit.fits() && (!best.fits() || fit.similarity() > best.similarity())) {
                best = fit;
            }
        }
        return best;
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
