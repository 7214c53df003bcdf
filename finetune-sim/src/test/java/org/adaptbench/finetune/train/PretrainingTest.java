package org.adaptbench.finetune.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adaptbench.finetune.SyntheticWorld;
import org.adaptbench.finetune.TestModels;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.model.CosineBaselineScorer;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.runtime.CpuInfo;
import org.adaptbench.finetune.runtime.Numerics;
import org.adaptbench.finetune.runtime.Platform;
import org.adaptbench.finetune.runtime.TorchRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainingTest {

    private static final ModelConfig SMALL = new ModelConfig(16, 4, 8, 8, 11);
    private static final TrainingConfig QUICK = new TrainingConfig(2, 16, 3e-3, 4, ContextUse.AS_GIVEN);

    @TempDir
    Path cache;

    @Test
    void theSameSeedAndDataGiveBitIdenticalWeights() {
        List<LabelledExample> examples = TestModels.WORLD.pretraining(96);
        PretrainedModel first = Pretraining.pretrain(SMALL, QUICK, examples);
        PretrainedModel second = Pretraining.pretrain(SMALL, QUICK, examples);
        try (ScoringModel a = first.model(); ScoringModel b = second.model()) {
            assertEquals(a.identity(), b.identity());
            a.weights().forEach((name, values) -> assertArrayEquals(values, b.weights().get(name), name));
            assertEquals(first.report().finalLoss(), second.report().finalLoss());
        }
    }

    @Test
    void aSecondRunLoadsTheCachedCheckpoint() {
        List<LabelledExample> examples = TestModels.WORLD.pretraining(64);
        PretrainedModel trained = Pretraining.pretrainOrLoad(SMALL, QUICK, examples, cache);
        PretrainedModel cached = Pretraining.pretrainOrLoad(SMALL, QUICK, examples, cache);
        try (ScoringModel a = trained.model(); ScoringModel b = cached.model()) {
            assertFalse(trained.fromCache());
            assertTrue(cached.fromCache());
            assertEquals(a.identity(), b.identity());
            assertEquals(trained.report(), cached.report());
            assertEquals(trained.checkpoint(), cached.checkpoint());
        }
        PretrainedModel otherData = Pretraining.pretrainOrLoad(SMALL, QUICK, examples.subList(0, 32), cache);
        try (ScoringModel c = otherData.model()) {
            assertFalse(otherData.fromCache());
        }
    }

    /** Named by a digest of its inputs, a cached model is loaded without building one example; other inputs train anew. */
    @Test
    void aModelNamedByItsInputsIsLoadedWithoutBuildingItsExamples() {
        List<LabelledExample> examples = TestModels.WORLD.pretraining(64);
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<List<LabelledExample>> build = () -> {
            built.incrementAndGet();
            return examples;
        };
        PretrainedModel trained = Pretraining.pretrainOrLoad(SMALL, QUICK, "inputs-a", build, cache);
        PretrainedModel cached = Pretraining.pretrainOrLoad(SMALL, QUICK, "inputs-a", build, cache);
        try (ScoringModel a = trained.model(); ScoringModel b = cached.model()) {
            assertTrue(cached.fromCache());
            assertEquals(1, built.get(), "the cached model needed no examples");
            assertEquals(a.identity(), b.identity());
        }
        PretrainedModel other = Pretraining.pretrainOrLoad(SMALL, QUICK, "inputs-b", build, cache);
        try (ScoringModel c = other.model()) {
            assertFalse(other.fromCache());
            assertEquals(2, built.get());
        }
    }

    /** A checkpoint trained on another platform (ISA, CPU, thread count) rounds differently: it must never be loaded here. */
    @Test
    void theCacheKeyNamesThePlatformItWasTrainedOn() {
        List<LabelledExample> examples = TestModels.WORLD.pretraining(32);
        Platform here = TorchRuntime.platform();
        Numerics numerics = here.numerics();
        String key = Pretraining.cacheKey(SMALL, QUICK, examples, here);
        assertEquals(key, Pretraining.cacheKey(SMALL, QUICK, examples), "the key of this platform is the default");
        Platform avx2 = new Platform(here.os(), here.cpu(),
                new Numerics(numerics.threads(), "AVX2-forced", numerics.mklCbwr(), numerics.versions(), numerics.environment()));
        Platform otherCpu = new Platform(here.os(), new CpuInfo(here.cpu().vendor(), "another model", here.cpu().isaFlags()), numerics);
        Platform twoThreads = new Platform(here.os(), here.cpu(),
                new Numerics(numerics.threads() + 1, numerics.atenCapability(), numerics.mklCbwr(), numerics.versions(), numerics.environment()));
        Platform cnrOff = new Platform(here.os(), here.cpu(),
                new Numerics(numerics.threads(), numerics.atenCapability(), "OFF", numerics.versions(), numerics.environment()));
        java.util.Map<String, String> dynamic = new java.util.TreeMap<>(numerics.environment());
        dynamic.put("MKL_DYNAMIC", "TRUE");
        Platform dynamicThreads = new Platform(here.os(), here.cpu(),
                new Numerics(numerics.threads(), numerics.atenCapability(), numerics.mklCbwr(), numerics.versions(), dynamic));
        for (Platform other : List.of(avx2, otherCpu, twoThreads, cnrOff, dynamicThreads)) {
            assertNotEquals(key, Pretraining.cacheKey(SMALL, QUICK, examples, other), other.canonical());
        }
    }

    @Test
    void theTrainedModelUsesContextAndBeatsTheCosineBaseline() {
        SyntheticWorld world = TestModels.WORLD;
        SplittableRandom random = new SplittableRandom(77);
        List<LabelledExample> stated = new ArrayList<>();
        List<LabelledExample> unstated = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            int preference = 1 + random.nextInt(world.values - 1);
            List<float[]> context = List.of(world.distractor(random), world.statement(random, preference), world.distractor(random));
            SyntheticWorld.Question question = world.question(random, context);
            stated.add(LabelledExample.hard(question.prompt(), question.optionFor(preference)));
            unstated.add(LabelledExample.hard(question.prompt().withoutContext(), question.optionFor(preference)));
        }
        ScoringModel model = TestModels.pretrained();
        double withContext = TestModels.accuracy(model, stated);
        double withoutContext = TestModels.accuracy(model, unstated);
        double baseline = TestModels.accuracy(new CosineBaselineScorer(), stated);
        assertTrue(withContext > 0.6, "accuracy with the preference in context " + withContext);
        assertTrue(withoutContext < 0.2, "without context the model follows the popular option: " + withoutContext);
        assertTrue(withContext > baseline + 0.1, "trained " + withContext + " vs cosine baseline " + baseline);
    }

    @Test
    void zeroExamplesOrWrongDimensionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Pretraining.pretrain(SMALL, QUICK, List.of()));
        List<LabelledExample> wide = new SyntheticWorld(12, 4, 1).pretraining(4);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Pretraining.pretrain(SMALL, QUICK, wide));
        assertTrue(error.getMessage().contains("dimension 12"), error.getMessage());
    }
}
