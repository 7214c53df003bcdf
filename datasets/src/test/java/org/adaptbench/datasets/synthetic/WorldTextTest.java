package org.adaptbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The world's text: pool sizes and disjointness, the two wordings' sizes and disjointness, answer length parity. */
class WorldTextTest {

    private static final WorldText TEXT = WorldText.standard();

    /** Questions per dimension each pool must hold at least. */
    private static final Map<ItemPool, Integer> MIN_QUESTIONS = new EnumMap<>(Map.of(
            ItemPool.PRETRAINING, 30, ItemPool.HISTORY, 12, ItemPool.QUERY, 40,
            ItemPool.DOMAIN_HISTORY, 6, ItemPool.DOMAIN_QUERY, 20, ItemPool.VALIDATION_HISTORY, 6, ItemPool.VALIDATION_QUERY, 20));

    /** Words too common to make a shared three-word sequence telling. */
    private static final Set<String> STOP_WORDS = Set.of(("a an the i i'd i'm i've i'll me my mine you you'd you're your yours"
            + " it it's its is are was were be been am to of for and or but in on at by with as so do does did that this these"
            + " those there here what which who if then than not no yes will would can could should about from up out into over"
            + " just").split(" "));
    private static final Pattern SLOT = Pattern.compile("\\{[a-z]+}");
    private static final Pattern WORD = Pattern.compile("[a-z0-9']+");

    @Test
    void everyPoolIsLargeEnough() {
        for (WorldText.DimensionText dimension : TEXT.dimensions()) {
            for (ItemPool pool : ItemPool.values()) {
                int questions = dimension.questions().get(pool).size();
                assertTrue(questions >= MIN_QUESTIONS.get(pool), dimension.name() + " " + pool + ": " + questions);
            }
            // the domain and validation worlds each hold at least 20 questions per dimension, queries alone 20
            assertTrue(dimension.questions().domainHistory().size() + dimension.questions().domainQuery().size() >= 20);
            assertTrue(dimension.questions().validationHistory().size() + dimension.questions().validationQuery().size() >= 20);
        }
        assertTrue(TEXT.dimensions().size() * MIN_QUESTIONS.get(ItemPool.QUERY) >= 240);
    }

    @Test
    void noQuestionOrAnswerTextIsInTwoPlaces() {
        Map<String, String> owner = new HashMap<>();
        for (WorldText.DimensionText dimension : TEXT.dimensions()) {
            for (ItemPool pool : ItemPool.values()) {
                List<String> texts = new ArrayList<>(dimension.questions().get(pool));
                dimension.options().forEach(option -> texts.addAll(option.answers().get(pool)));
                for (String text : texts) {
                    String where = dimension.name() + "/" + pool;
                    String before = owner.put(normalised(text), where);
                    assertTrue(before == null, () -> "'" + text + "' in " + before + " and " + where);
                }
            }
        }
    }

    @Test
    void eachWordingHasEnoughFramesPhrasesAndTopics() {
        for (FrameKind kind : FrameKind.values()) {
            List<String> evaluation = TEXT.frames().get(kind).evaluation();
            List<String> pretraining = TEXT.frames().get(kind).pretraining();
            assertTrue(evaluation.size() >= 20, kind + " evaluation frames: " + evaluation.size());
            assertTrue(pretraining.size() >= 12, kind + " pre-training frames: " + pretraining.size());
            assertEquals(evaluation.size(), new HashSet<>(evaluation).size(), kind + " evaluation frame listed twice");
            assertEquals(pretraining.size(), new HashSet<>(pretraining).size(), kind + " pre-training frame listed twice");
        }
        for (WorldText.DimensionText dimension : TEXT.dimensions()) {
            for (WorldText.OptionText option : dimension.options()) {
                assertTrue(option.phrases().evaluation().size() >= 5, dimension.name() + "/" + option.name());
                assertTrue(option.phrases().pretraining().size() >= 4, dimension.name() + "/" + option.name());
            }
            for (Wording wording : Wording.values()) {
                assertFalse(dimension.topics().get(wording).isEmpty());
            }
        }
    }

    /** A cue list learned on pre-training wording must not cover evaluation wording by sharing its phrasing. */
    @Test
    void noEvaluationFrameSharesAThreeWordSequenceOrAnOpenerWithPretrainingWording() {
        Set<List<String>> pretraining = new HashSet<>();
        Set<List<String>> pretrainingOpeners = new HashSet<>();
        for (FrameKind kind : FrameKind.values()) {
            for (String frame : TEXT.frames().get(kind).pretraining()) {
                pretraining.addAll(trigrams(frame));
                pretrainingOpeners.add(opener(frame));
            }
        }
        for (FrameKind kind : FrameKind.values()) {
            for (String frame : TEXT.frames().get(kind).evaluation()) {
                Set<List<String>> shared = new HashSet<>(trigrams(frame));
                shared.retainAll(pretraining);
                assertTrue(shared.isEmpty(), () -> kind + " frame '" + frame + "' shares " + shared + " with pre-training frames");
                assertFalse(pretrainingOpeners.contains(opener(frame)), () -> kind + " frame '" + frame + "' opens like a pre-training frame");
            }
        }
    }

    @Test
    void noEvaluationPhraseSharesAThreeWordSequenceWithPretrainingWording() {
        Set<List<String>> pretraining = new HashSet<>();
        for (FrameKind kind : FrameKind.values()) {
            TEXT.frames().get(kind).pretraining().forEach(frame -> pretraining.addAll(trigrams(frame)));
        }
        for (WorldText.DimensionText dimension : TEXT.dimensions()) {
            dimension.options().forEach(option -> option.phrases().pretraining().forEach(p -> pretraining.addAll(trigrams(p))));
        }
        for (WorldText.DimensionText dimension : TEXT.dimensions()) {
            for (WorldText.OptionText option : dimension.options()) {
                for (String phrase : option.phrases().evaluation()) {
                    Set<List<String>> shared = new HashSet<>(trigrams(phrase));
                    shared.retainAll(pretraining);
                    assertTrue(shared.isEmpty(), () -> "'" + phrase + "' shares " + shared + " with pre-training wording");
                    assertFalse(option.phrases().pretraining().contains(phrase), phrase);
                }
            }
            for (Wording wording : Wording.values()) {
                for (String topic : dimension.topics().get(wording)) {
                    Wording other = wording == Wording.PRETRAINING ? Wording.EVALUATION : Wording.PRETRAINING;
                    assertFalse(dimension.topics().get(other).contains(topic), topic);
                }
            }
        }
    }

    /** A question or answer holding a phrase of the other wording would carry that wording into its world. */
    @Test
    void noQuestionOrAnswerHoldsAPhraseOfTheOtherWording() {
        Map<Wording, Set<String>> phrases = new EnumMap<>(Wording.class);
        for (Wording wording : Wording.values()) {
            Set<String> all = new HashSet<>();
            TEXT.dimensions().forEach(d -> d.options().forEach(option -> all.addAll(option.phrases().get(wording))));
            phrases.put(wording, all);
        }
        for (ItemPool pool : ItemPool.values()) {
            Wording own = pool == ItemPool.HISTORY || pool == ItemPool.QUERY ? Wording.EVALUATION : Wording.PRETRAINING;
            Set<String> foreign = phrases.get(own == Wording.EVALUATION ? Wording.PRETRAINING : Wording.EVALUATION);
            for (WorldText.DimensionText dimension : TEXT.dimensions()) {
                List<String> texts = new ArrayList<>(dimension.questions().get(pool));
                dimension.options().forEach(option -> texts.addAll(option.answers().get(pool)));
                for (String text : texts) {
                    for (String phrase : foreign) {
                        assertFalse(text.contains(phrase), () -> pool + " text '" + text + "' holds the phrase '" + phrase + "'");
                    }
                }
            }
        }
    }

    @Test
    void fillerOfTheTwoWordingsIsDisjoint() {
        Set<String> pretraining = new HashSet<>();
        TEXT.filler().pretraining().forEach(pair -> {
            pretraining.add(pair.user());
            pretraining.add(pair.assistant());
        });
        for (WorldText.FillerPair pair : TEXT.filler().evaluation()) {
            assertFalse(pretraining.contains(pair.user()), pair.user());
            assertFalse(pretraining.contains(pair.assistant()), pair.assistant());
        }
    }

    /**
     * An item's options must not give the answer away by their length: within every answer variant the
     * longest option is at most 1.6 times the shortest, no option's mean length across a dimension's
     * variants is more than 15% above another's, and no option is the longest in most variants.
     */
    @Test
    void theOptionsOfEveryItemAreAlikeInLength() {
        for (WorldText.DimensionText dimension : TEXT.dimensions()) {
            int[] longest = new int[WorldText.OPTIONS_PER_DIMENSION];
            double[] total = new double[WorldText.OPTIONS_PER_DIMENSION];
            int variants = 0;
            for (ItemPool pool : ItemPool.values()) {
                for (int v = 0; v < dimension.options().get(0).answers().get(pool).size(); v++) {
                    int max = 0;
                    int min = Integer.MAX_VALUE;
                    int longestOption = 0;
                    for (int o = 0; o < WorldText.OPTIONS_PER_DIMENSION; o++) {
                        int length = dimension.options().get(o).answers().get(pool).get(v).length();
                        total[o] += length;
                        if (length > max) {
                            max = length;
                            longestOption = o;
                        }
                        min = Math.min(min, length);
                    }
                    assertTrue(max <= 1.6 * min, dimension.name() + " " + pool + " variant " + v + ": " + min + " to " + max + " characters");
                    longest[longestOption]++;
                    variants++;
                }
            }
            double maxMean = 0;
            double minMean = Double.MAX_VALUE;
            for (int o = 0; o < WorldText.OPTIONS_PER_DIMENSION; o++) {
                maxMean = Math.max(maxMean, total[o] / variants);
                minMean = Math.min(minMean, total[o] / variants);
                assertTrue(longest[o] <= 0.6 * variants,
                        dimension.name() + "/" + dimension.options().get(o).name() + " is the longest in " + longest[o] + " of " + variants);
            }
            assertTrue(maxMean <= 1.15 * minMean, dimension.name() + ": mean option lengths " + minMean + " to " + maxMean);
        }
    }

    /** The three-word sequences of a text's fixed parts (slots split it), skipping those of stop words only. */
    static Set<List<String>> trigrams(String text) {
        Set<List<String>> grams = new HashSet<>();
        for (String part : SLOT.split(text)) {
            List<String> words = words(part);
            for (int i = 0; i + 3 <= words.size(); i++) {
                List<String> gram = words.subList(i, i + 3);
                if (!STOP_WORDS.containsAll(gram)) {
                    grams.add(List.copyOf(gram));
                }
            }
        }
        return grams;
    }

    /** The first two words of a frame's fixed text before its first slot (or fewer, if that is all there is). */
    private static List<String> opener(String frame) {
        List<String> words = words(SLOT.split(frame, 2)[0]);
        return words.subList(0, Math.min(2, words.size()));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.US).replace('\u2019', '\''));
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    private static String normalised(String text) {
        return text.toLowerCase(Locale.US).trim();
    }
}
