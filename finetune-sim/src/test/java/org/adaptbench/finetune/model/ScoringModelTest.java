package org.adaptbench.finetune.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adaptbench.finetune.SyntheticWorld;
import org.adaptbench.finetune.TestModels;
import org.adaptbench.finetune.checkpoint.CheckpointFormatException;
import org.adaptbench.finetune.runtime.TorchRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoringModelTest {

    @TempDir
    Path dir;

    @Test
    void aPromptScoresTheSameAloneAndInAPaddedBatch() {
        ScoringModel model = TestModels.pretrained();
        SplittableRandom random = new SplittableRandom(5);
        SyntheticWorld world = TestModels.WORLD;
        List<Prompt> prompts = new ArrayList<>();
        prompts.add(world.question(random, List.of()).prompt());
        prompts.add(world.question(random, List.of(world.statement(random, 1), world.distractor(random), world.distractor(random))).prompt());
        Prompt threeOptions = world.question(random, List.of(world.statement(random, 2))).prompt();
        prompts.add(new Prompt(threeOptions.question(), threeOptions.context(), threeOptions.options().subList(0, 3)));
        List<OptionScores> batched = model.score(prompts);
        for (int i = 0; i < prompts.size(); i++) {
            double[] alone = model.score(List.of(prompts.get(i))).get(0).logits();
            assertArrayEquals(alone, batched.get(i).logits(), 1e-5, "prompt " + i);
        }
        assertEquals(3, batched.get(2).size());
    }

    @Test
    void theFirstForwardOnANewThreadScoresLikeEveryOther() throws Exception {
        ScoringModel model = TestModels.pretrained();
        List<Prompt> prompts = TestModels.prompts(TestModels.pretrainingExamples().subList(12, 15));
        List<OptionScores> expected = model.score(prompts);
        for (int thread = 0; thread < 3; thread++) {
            java.util.concurrent.ExecutorService fresh = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                assertEquals(expected, fresh.submit(() -> model.score(prompts)).get(), "first call on new thread " + thread);
            } finally {
                fresh.shutdownNow();
            }
        }
    }

    @Test
    void saveAndLoadGiveTheSameWeightsAndIdentity() throws Exception {
        ScoringModel model = TestModels.pretrained();
        Path file = dir.resolve("base.ckpt");
        long bytes = model.save(file);
        assertEquals(Files.size(file), bytes);
        try (ScoringModel loaded = ScoringModel.load(file)) {
            assertEquals(model.identity(), loaded.identity());
            model.weights().forEach((name, values) -> assertArrayEquals(values, loaded.weights().get(name), name));
        }
    }

    @Test
    void aTruncatedCheckpointIsRefusedByName() throws Exception {
        Path file = dir.resolve("base.ckpt");
        TestModels.pretrained().save(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CheckpointFormatException error = assertThrows(CheckpointFormatException.class, () -> ScoringModel.load(file));
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void wrongDimensionAndNonFiniteInputsAreRefused() {
        ScoringModel model = TestModels.pretrained();
        float[] v = new float[8];
        Prompt small = new Prompt(v, List.of(), List.of(v, v));
        IllegalArgumentException dimension = assertThrows(IllegalArgumentException.class, () -> model.score(List.of(small)));
        assertTrue(dimension.getMessage().contains("dimension 8"), dimension.getMessage());
        float[] nan = new float[16];
        nan[3] = Float.NaN;
        IllegalArgumentException finite = assertThrows(IllegalArgumentException.class,
                () -> new Prompt(new float[16], List.of(nan), List.of(new float[16], new float[16])));
        assertTrue(finite.getMessage().contains("context vector[0]") && finite.getMessage().contains("index 3"), finite.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Prompt(new float[16], List.of(), List.of(new float[16])));
    }

    @Test
    void scoringLeavesNoArraysBehind() {
        ScoringModel model = TestModels.pretrained();
        List<Prompt> prompts = TestModels.prompts(TestModels.pretrainingExamples().subList(0, 20));
        model.score(prompts);
        int before = model.manager().getManagedArrays().size();
        for (int i = 0; i < 20; i++) {
            model.score(prompts);
        }
        assertEquals(before, model.manager().getManagedArrays().size());
    }

    @Test
    void theDjlBlockEntryPointScoresPromptsWithoutContext() {
        ScoringModel model = TestModels.pretrained();
        List<Prompt> prompts = TestModels.prompts(TestModels.pretrainingExamples().subList(0, 3));
        try (ai.djl.ndarray.NDManager manager = model.manager().newSubManager()) {
            int d = TestModels.CONFIG.inputDim();
            float[] questions = new float[3 * d];
            float[] options = new float[3 * 4 * d];
            for (int i = 0; i < 3; i++) {
                System.arraycopy(prompts.get(i).question(), 0, questions, i * d, d);
                for (int k = 0; k < 4; k++) {
                    System.arraycopy(prompts.get(i).options().get(k), 0, options, (i * 4 + k) * d, d);
                }
            }
            float[] logits = model.forward(new ai.djl.training.ParameterStore(manager, false),
                    new ai.djl.ndarray.NDList(TorchRuntime.tensor(manager, questions, new ai.djl.ndarray.types.Shape(3, d)),
                            TorchRuntime.tensor(manager, options, new ai.djl.ndarray.types.Shape(3, 4, d))), false)
                    .singletonOrThrow().toFloatArray();
            List<OptionScores> expected = model.score(prompts.stream().map(Prompt::withoutContext).toList());
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(expected.get(i).logits()[k], logits[i * 4 + k], 1e-5);
                }
            }
        }
    }

    @Test
    void initialisationIsSeeded() {
        try (ScoringModel a = ScoringModel.initialise(TestModels.CONFIG); ScoringModel b = ScoringModel.initialise(TestModels.CONFIG)) {
            assertEquals(a.identity(), b.identity());
        }
        assertEquals(TestModels.CONFIG.parameterCount(),
                TestModels.pretrained().weights().values().stream().mapToLong(values -> values.length).sum());
    }
}
