package org.adaptbench.personalization.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaptbench.personalization.store.MemoryKind;

/**
 * The offline extractor: no language model, only sentence patterns and a {@link SlotClassifier}.
 *
 * <ul>
 *   <li>A user sentence in the first person with a preference predicate ("I prefer", "I can't
 *       stand", "I'm vegetarian", "my favourite", "I'd rather", "always book me") is a preference;
 *       questions, requests for action ("I'd like to book") and reactions ("I like that") are not.</li>
 *   <li>An imperative forget ("forget that I ...", "please delete what I said about ...") is a
 *       forget request; "forget that" alone refers to the latest memory.</li>
 *   <li>"actually", "no longer", "changed my mind", "these days", "instead" mark a change of mind.</li>
 *   <li>A pick among offered options is an implicit preference for the picked option.</li>
 * </ul>
 * The slot of each statement comes from the classifier (open slots when its catalogue is empty).
 */
public final class PatternPreferenceExtractor implements PreferenceExtractor {

    /** Confidence of a plain first-person statement. */
    public static final double STATED = 0.9;
    /** Confidence of a statement with an intensifier ("really", "always") or a change of mind. */
    public static final double EMPHATIC = 1.0;
    /** Confidence of a pick among offered options. */
    public static final double PICKED = 0.6;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s+|\\n+");
    private static final String ADVERBS = "(?:(?:really|truly|strongly|generally|usually|always|definitely|much|actually|now|still|also|just"
            + "|honestly|mostly|totally|absolutely|kind of|sort of|very much|much rather|tend to|these days)\\s+)*";
    private static final Pattern STATEMENT = Pattern.compile(String.join("|",
            "\\bi\\s+" + ADVERBS + "(?:prefer|like|love|enjoy|adore|hate|dislike|detest|loathe|avoid|favou?r|fancy|despise)s?\\b",
            "\\bi\\s+" + ADVERBS + "(?:can't|cannot|can not|don't|do not|never|won't|will not)\\s+" + ADVERBS
                    + "(?:stand|like|eat|drink|enjoy|bear|tolerate|want|use|do|fly|watch|listen|read|wear)\\b",
            "\\bi(?:'m|\\s+am)\\s+" + ADVERBS + "(?:a\\s+|an\\s+)?(?:vegetarian|vegan|pescatarian|allergic|lactose|gluten|into|a fan of"
                    + "|not a fan|not into|fond of|partial to|more of an?|big fan|huge fan|keen on|not keen|crazy about|obsessed with)\\b",
            "\\bi(?:'m|\\s+am)\\s+no\\s+longer\\b",
            "\\bi\\s+no\\s+longer\\b",
            "\\bmy\\s+(?:absolute\\s+|all-time\\s+)?(?:favou?rite|preferred|go-to)\\b",
            "\\bi(?:'d|\\s+would)\\s+" + ADVERBS + "(?:rather|prefer|much rather|always choose|go for)\\b",
            "\\bi(?:'ve|\\s+have)\\s+" + ADVERBS + "(?:switched|changed|moved on|gone off|grown to|come to|started to prefer|started preferring"
                    + "|stopped|always (?:liked|loved|preferred|hated)|never (?:liked|enjoyed|been a fan))\\b",
            "\\bi\\s+" + ADVERBS + "(?:always|usually|only|never)\\s+(?:choose|pick|go for|order|book|take|drink|eat|wear|listen to|read|watch|use|fly|cycle|walk|drive|commute|travel)\\b",
            "^(?:please\\s+)?(?:always|never|only)\\s+(?:give|show|use|recommend|suggest|book|send|offer|pick|choose|reply|answer|write)\\b"), FLAGS);
    private static final Pattern REQUEST = Pattern.compile(
            "\\bi(?:'d|\\s+would|\\s+want|\\s+need)\\s+(?:like|love|want)?\\s*to\\s+(?!avoid|stay|stick|keep)\\w+", FLAGS);
    private static final Pattern REACTION = Pattern.compile(
            "\\bi\\s+(?:really\\s+)?(?:like|love|hate|prefer)\\s+(?:it|that|this|them|those|these|your\\s+\\w+)\\s*(?:idea|one|option|suggestion)?\\s*[.!]*\\s*$", FLAGS);
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(?:do|does|did|can|could|would|will|is|are|should|shall|have|has)\\s+(?:you|i|we|they|he|she|it|there)\\b", FLAGS);
    private static final Pattern FORGET = Pattern.compile(
            "^(?:(?:ok(?:ay)?|also|and|actually|so|hey|oh|please|kindly|can you|could you|would you|will you|i want you to|i'd like you to)[,\\s]+)*"
                    + "(?:please\\s+)?(?:forget|disregard|erase|delete|remove|drop|scratch|stop remembering)\\b(?!\\s+(?:to|it\\s+happened)\\b)"
                    + "\\s*(?<rest>.*)$", FLAGS);
    private static final Pattern FORGET_FILLER = Pattern.compile(
            "^(?:about\\s+)?(?:the\\s+fact\\s+)?(?:that\\s+|what\\s+i\\s+(?:said|told you)\\s+(?:about\\s+)?|everything\\s+(?:i\\s+said\\s+)?about\\s+"
                    + "|my\\s+(?:earlier\\s+|previous\\s+)?(?:note|preference|comment|statement|remark)s?\\s+(?:about|on|for|regarding)\\s+|about\\s+)?", FLAGS);
    private static final Pattern CHANGE = Pattern.compile(
            "\\b(?:actually|changed my mind|change of heart|no longer|not anymore|any\\s?more|these days|nowadays|instead|from now on"
                    + "|switched|gone off|lately|now prefer|now i|i now)\\b", FLAGS);
    private static final Pattern EMPHASIS = Pattern.compile(
            "\\b(?:really|strongly|definitely|absolutely|always|never|can't stand|cannot stand|hate|love|allergic)\\b", FLAGS);

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
        for (String sentence : sentences(turn.text())) {
            Matcher forget = FORGET.matcher(sentence);
            if (forget.matches()) {
                String target = FORGET_FILLER.matcher(strip(forget.group("rest"))).replaceFirst("").strip();
                target = target.replaceAll("^(?:it|that|this|them)\\s*[.!]*$", "");
                String slot = target.isBlank() ? "" : slots.classify(userId, target);
                signals.add(new PreferenceSignal(PreferenceSignal.Action.FORGET, slot, target, MemoryKind.EXPLICIT, EMPHATIC, false));
            } else if (isStatement(sentence)) {
                boolean revision = CHANGE.matcher(sentence).find();
                double confidence = revision || EMPHASIS.matcher(sentence).find() ? EMPHATIC : STATED;
                signals.add(new PreferenceSignal(PreferenceSignal.Action.REMEMBER, slots.classify(userId, sentence), sentence,
                        MemoryKind.EXPLICIT, confidence, revision));
            }
        }
        return new Extraction(signals, List.of());
    }

    /** True when {@code sentence} states a lasting first-person preference. */
    static boolean isStatement(String sentence) {
        if (sentence.endsWith("?") || QUESTION_START.matcher(sentence).find()) {
            return false;
        }
        if (!STATEMENT.matcher(sentence).find()) {
            return false;
        }
        if (REACTION.matcher(sentence).find()) {
            return false;
        }
        // "I'd like to book a table" asks for an action; "I'd rather not fly" states a preference
        Matcher request = REQUEST.matcher(sentence);
        return !(request.find() && !STATEMENT.matcher(sentence.substring(0, request.start())).find()
                && !STATEMENT.matcher(sentence.substring(request.end())).find());
    }

    private PreferenceSignal pick(String userId, ConversationTurn turn) {
        String chosen = turn.chosenOption().orElseThrow();
        // the memory names only the pick, so its embedding sits near the picked option, not the others
        String question = turn.text().isBlank() ? "" : " when asked \"" + strip(turn.text()) + "\"";
        String statement = "Picked \"" + strip(chosen) + "\"" + question;
        String slot = slots.catalogue().isOpen() ? "" : slots.classify(userId, turn.text().isBlank() ? chosen : turn.text() + " " + chosen);
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
