package org.adaptbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PretrainingCorpusTest {

    private static final SyntheticConfig WORLD = SyntheticConfig.defaults(3);
    private static final PretrainingConfig CONFIG = new PretrainingConfig(11, 400, 20, 0.25, 0.15, 0.15, 0.05, 3, 0);
    private static final WorldText TEXT = WorldText.standard();
    private static List<PretrainingExample> corpus;

    /** What one context sentence says, recovered from the pre-training wording. */
    private record Said(String kind, int dimension, int option) {
    }

    @BeforeAll
    static void generate() {
        corpus = PretrainingCorpus.generate(WORLD, CONFIG);
    }

    @Test
    void sameSeedSameCorpusOtherSeedOtherCorpus() {
        assertEquals(corpus, PretrainingCorpus.generate(WORLD, CONFIG));
        assertNotEquals(corpus, PretrainingCorpus.generate(WORLD, new PretrainingConfig(12, 400, 20, 0.25, 0.15, 0.15, 0.05, 3, 0)));
        assertEquals(CONFIG.size(), corpus.size());
    }

    /** Nothing of the evaluation wording, and no question or answer of another pool, reaches the base model. */
    @Test
    void usesOnlyPretrainingWordingAndThePretrainingPool() {
        Set<String> foreign = new HashSet<>();
        Set<String> pretrainingQuestions = new HashSet<>();
        Set<String> pretrainingAnswers = new HashSet<>();
        for (WorldText.DimensionText dimension : TEXT.dimensions()) {
            pretrainingQuestions.addAll(dimension.questions().pretraining());
            for (ItemPool pool : ItemPool.values()) {
                if (pool != ItemPool.PRETRAINING) {
                    foreign.addAll(dimension.questions().get(pool));
                }
            }
            for (WorldText.OptionText option : dimension.options()) {
                foreign.addAll(option.phrases().evaluation());
                pretrainingAnswers.addAll(option.answers().pretraining());
                for (ItemPool pool : ItemPool.values()) {
                    if (pool != ItemPool.PRETRAINING) {
                        foreign.addAll(option.answers().get(pool));
                    }
                }
            }
        }
        TEXT.filler().evaluation().forEach(pair -> {
            foreign.add(pair.user());
            foreign.add(pair.assistant());
        });
        List<java.util.regex.Pattern> evaluationFrames = new ArrayList<>();
        for (FrameKind kind : FrameKind.values()) {
            evaluationFrames.addAll(WorldChecks.framePatterns(kind, Wording.EVALUATION));
        }
        for (PretrainingExample example : corpus) {
            assertTrue(pretrainingQuestions.contains(example.question()), example.question());
            assertTrue(pretrainingAnswers.containsAll(example.options()), example.options()::toString);
            List<String> texts = new ArrayList<>(example.context());
            texts.addAll(example.options());
            texts.add(example.question());
            for (String text : texts) {
                assertTrue(foreign.stream().noneMatch(text::contains), text);
                assertTrue(evaluationFrames.stream().noneMatch(frame -> frame.matcher(text).matches()), text);
            }
        }
    }

    @Test
    void labelFollowsStatedContextOtherwiseThePopulationPrior() {
        int stated = 0;
        int[] priorLabels = new int[WorldText.OPTIONS_PER_DIMENSION];
        for (PretrainingExample example : corpus) {
            int d = dimensionOf(example);
            int label = optionOf(d, example.options().get(example.correctIndex()));
            Optional<Integer> expected = Optional.empty();
            for (String sentence : example.context()) {
                Said said = parse(sentence);
                if (said.dimension() != d) {
                    continue;
                }
                expected = said.kind().equals("deletion") ? Optional.empty() : Optional.of(said.option());
            }
            if (expected.isPresent()) {
                assertEquals(expected.get(), label, example.toString());
                stated++;
            } else {
                priorLabels[label]++;
            }
        }
        int prior = java.util.Arrays.stream(priorLabels).sum();
        assertTrue(stated > corpus.size() / 3 && prior > corpus.size() / 3, stated + " stated, " + prior + " prior");
        OptionShares popularity = new OptionShares(WORLD.popularity(), WorldText.OPTIONS_PER_DIMENSION);
        for (int o = 0; o < priorLabels.length; o++) {
            assertEquals(popularity.share(o), (double) priorLabels[o] / prior, 0.04, "prior share of rank " + (o + 1));
        }
    }

    @Test
    void contextsAreSometimesEmptySometimesDistractedSometimesChanged() {
        int empty = 0;
        int withDistractors = 0;
        int withChange = 0;
        for (PretrainingExample example : corpus) {
            int d = dimensionOf(example);
            empty += example.context().isEmpty() ? 1 : 0;
            withDistractors += example.context().stream().anyMatch(s -> parse(s).dimension() != d) ? 1 : 0;
            withChange += example.context().stream().anyMatch(s -> parse(s).kind().equals("change")) ? 1 : 0;
        }
        assertTrue(empty > corpus.size() / 6, "empty " + empty);
        assertTrue(withDistractors > corpus.size() / 4, "distractors " + withDistractors);
        assertTrue(withChange > corpus.size() / 10, "change " + withChange);
    }

    @Test
    void correctPositionCarriesNoSignal() {
        int[] positions = new int[WorldText.OPTIONS_PER_DIMENSION];
        corpus.forEach(example -> positions[example.correctIndex()]++);
        for (int count : positions) {
            assertEquals(0.25, (double) count / corpus.size(), 0.03);
        }
    }

    private static int dimensionOf(PretrainingExample example) {
        for (int d = 0; d < TEXT.dimensions().size(); d++) {
            if (TEXT.dimensions().get(d).questions().pretraining().contains(example.question())) {
                return d;
            }
        }
        throw new AssertionError("unknown question " + example.question());
    }

    private static int optionOf(int d, String answer) {
        List<WorldText.OptionText> options = TEXT.dimensions().get(d).options();
        String owner = WorldChecks.ownerOfAnswer(TEXT.dimensions().get(d), answer, ItemPool.PRETRAINING);
        for (int o = 0; o < options.size(); o++) {
            if (options.get(o).name().equals(owner)) {
                return o;
            }
        }
        throw new AssertionError(answer);
    }

    /** Every sentence the pre-training wording can produce, with what it says; built once. */
    private static final java.util.Map<String, Set<Said>> SENTENCES = sentences();

    /** Finds which frame, topic and phrase a context sentence was built from. */
    private static Said parse(String sentence) {
        Set<Said> found = SENTENCES.getOrDefault(sentence, Set.of());
        assertEquals(1, found.size(), () -> "sentence parsed as " + found + ": " + sentence);
        return found.iterator().next();
    }

    private static java.util.Map<String, Set<Said>> sentences() {
        java.util.Map<String, Set<Said>> sentences = new java.util.HashMap<>();
        // feedback reveals the option as a statement does
        java.util.Map<FrameKind, String> kinds = java.util.Map.of(FrameKind.STATEMENT, "statement", FrameKind.FEEDBACK, "statement",
                FrameKind.CHANGE, "change", FrameKind.DELETION, "deletion");
        for (int d = 0; d < TEXT.dimensions().size(); d++) {
            WorldText.DimensionText dimension = TEXT.dimensions().get(d);
            for (int o = 0; o < dimension.options().size(); o++) {
                WorldText.OptionText option = dimension.options().get(o);
                for (String phrase : option.phrases().pretraining()) {
                    for (java.util.Map.Entry<FrameKind, String> kind : kinds.entrySet()) {
                        for (String frame : TEXT.frames().get(kind.getKey()).pretraining()) {
                            for (String topic : dimension.topics().pretraining()) {
                                String sentence = frame.replace("{topic}", topic).replace("{phrase}", phrase);
                                sentences.computeIfAbsent(sentence, key -> new HashSet<>()).add(new Said(kind.getValue(), d, o));
                            }
                        }
                    }
                }
            }
        }
        return sentences;
    }
}
