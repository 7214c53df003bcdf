package org.adaptbench.finetune.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adaptbench.finetune.TestModels;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.checkpoint.CheckpointFormatException;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.model.Target;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.ContextDistillation;
import org.adaptbench.finetune.train.TrainedAdapter;
import org.adaptbench.finetune.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdapterRegistryTest {

    private static final AdapterTrainingConfig CONFIG =
            new AdapterTrainingConfig(new LoraConfig(4, 8, LoraConfig.HIDDEN_AND_ATTENTION), TrainingConfig.adapter(5).withEpochs(8));

    @TempDir
    Path dir;

    private static List<LabelledExample> user(int preference, long seed) {
        return TestModels.WORLD.userExamples(preference, 60, seed);
    }

    @Test
    void aUserAdapterLearnsItsUsersPreferenceAndLeavesTheBaseBitForBit() {
        ScoringModel base = TestModels.pretrained();
        Map<String, float[]> before = base.weights();
        List<LabelledExample> examples = user(2, 99);
        List<LabelledExample> train = examples.subList(0, 40);
        List<LabelledExample> heldOut = examples.subList(40, 60);
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            TrainedAdapter trained = TestModels.train(registry, "user-2", train, CONFIG);
            double baseAccuracy = TestModels.accuracy(registry.scorer(Optional.empty()), heldOut);
            double adapted = TestModels.accuracy(registry.scorer(Optional.of("user-2")), heldOut);
            assertTrue(adapted >= baseAccuracy + 0.5, "held-out accuracy base " + baseAccuracy + " adapter " + adapted);
            // the context layers are dropped when training without context
            assertEquals(Set.of(ModelLayer.HIDDEN_1, ModelLayer.HIDDEN_2), trained.adapter().config().targets());
            assertEquals(trained.adapter().parameterCount(), trained.report().trainableParameters());
            assertTrue(trained.report().estimatedFlops() > 0 && trained.report().steps() == 8 * 3);
        }
        base.weights().forEach((name, values) -> assertArrayEquals(before.get(name), values, name));
    }

    @Test
    void adapterTrainingIsDeterministic() {
        ScoringModel base = TestModels.pretrained();
        List<LabelledExample> examples = user(1, 5).subList(0, 30);
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            LoraAdapter a = TestModels.train(registry, "a", examples, CONFIG).adapter();
            LoraAdapter b = TestModels.train(registry, "b", examples, CONFIG).adapter();
            a.factors().forEach((layer, f) -> assertEquals(f, b.factors().get(layer), layer.id()));
            List<Prompt> probes = TestModels.prompts(examples);
            assertEquals(registry.score(probes, Optional.of("a")), registry.score(probes, Optional.of("b")));
        }
    }

    @Test
    void detachingGivesExactlyTheBaseOutputsAndAttachingRestores() {
        ScoringModel base = TestModels.pretrained();
        List<Prompt> probes = TestModels.prompts(user(3, 8).subList(0, 10));
        List<OptionScores> baseScores = base.score(probes);
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            TestModels.train(registry, "u", user(3, 9).subList(0, 30), CONFIG);
            List<OptionScores> adapted = registry.score(probes, Optional.of("u"));
            registry.detach("u");
            assertThrows(IllegalStateException.class, () -> registry.score(probes, Optional.of("u")));
            List<ScoringRequest> requests = probes.stream().map(ScoringRequest::base).toList();
            assertEquals(baseScores, registry.score(requests));
            registry.attach("u");
            assertEquals(adapted, registry.score(probes, Optional.of("u")));
            registry.delete("u");
            assertTrue(!registry.contains("u"));
        }
    }

    @Test
    void aMixedBatchEqualsRequestByRequestServing() {
        ScoringModel base = TestModels.pretrained();
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            for (int u = 0; u < 3; u++) {
                TestModels.train(registry, "u" + u, user(u + 1, 20 + u).subList(0, 24), CONFIG);
            }
            // a wider adapter (all layers, higher rank) pads the stack; padding must not change anyone's result
            TestModels.train(registry, "wide", user(2, 30).subList(0, 24), CONFIG.withLora(new LoraConfig(6, 6, LoraConfig.HIDDEN_AND_ATTENTION))
                    .withTraining(CONFIG.training().withContextUse(org.adaptbench.finetune.train.ContextUse.AS_GIVEN)));
            List<ScoringRequest> requests = new ArrayList<>();
            List<LabelledExample> probes = TestModels.pretrainingExamples().subList(0, 20);
            String[] adapters = {"u0", "u1", "u2", "wide", ""};
            for (int i = 0; i < probes.size(); i++) {
                String adapter = adapters[i % adapters.length];
                Prompt prompt = probes.get(i).prompt();
                requests.add(adapter.isEmpty() ? ScoringRequest.base(prompt) : ScoringRequest.with(prompt, adapter));
            }
            List<OptionScores> mixed = registry.score(requests);
            List<OptionScores> sequential = registry.scoreOneByOne(requests);
            for (int i = 0; i < requests.size(); i++) {
                assertArrayEquals(sequential.get(i).logits(), mixed.get(i).logits(), 1e-4, "request " + i);
            }
        }
    }

    @Test
    void mixedBatchesStayExactAcrossSizesMergesAndThreads() throws Exception {
        ScoringModel base = TestModels.pretrained();
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            for (int u = 0; u < 3; u++) {
                TestModels.train(registry, "u" + u, user(u + 1, 50 + u).subList(0, 24), CONFIG);
            }
            List<LabelledExample> probes = TestModels.pretrainingExamples();
            // batches reuse one gather buffer: a small one after a large one, then a larger one that outgrows it
            List<List<ScoringRequest>> batches = List.of(requests(probes, 0, 12), requests(probes, 12, 3), requests(probes, 15, 30));
            List<List<OptionScores>> first = new ArrayList<>();
            for (List<ScoringRequest> batch : batches) {
                List<OptionScores> mixed = registry.score(batch);
                List<OptionScores> sequential = registry.scoreOneByOne(batch);
                for (int i = 0; i < batch.size(); i++) {
                    assertArrayEquals(sequential.get(i).logits(), mixed.get(i).logits(), 1e-4, "request " + i);
                }
                first.add(mixed);
            }
            // a merged adapter's requests run on the merged weights; the stack stays valid across merging
            registry.merge("u1");
            List<OptionScores> whileMerged = registry.score(batches.get(0));
            List<OptionScores> sequentialMerged = registry.scoreOneByOne(batches.get(0));
            for (int i = 0; i < whileMerged.size(); i++) {
                assertArrayEquals(sequentialMerged.get(i).logits(), whileMerged.get(i).logits(), 1e-4, "merged, request " + i);
            }
            registry.unmerge(UnmergeMode.RESTORE);
            assertEquals(first.get(0), registry.score(batches.get(0)));
            // concurrent batches on new threads each get their own buffer: every result is the first one, bit for bit
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Boolean>> runs = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int offset = t;
                    runs.add(pool.submit(() -> {
                        boolean same = true;
                        for (int n = 0; n < 6; n++) {
                            int b = (n + offset) % batches.size();
                            same &= first.get(b).equals(registry.score(batches.get(b)));
                        }
                        return same;
                    }));
                }
                for (Future<Boolean> run : runs) {
                    assertTrue(run.get(), "a mixed batch on another thread differs from the first result");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aStackUpdatedInPlaceServesExactlyAsAFreshOne() {
        ScoringModel base = TestModels.pretrained();
        List<LabelledExample> probes = TestModels.pretrainingExamples();
        try (AdapterRegistry registry = new AdapterRegistry(base); AdapterRegistry fresh = new AdapterRegistry(base)) {
            for (int u = 0; u < 4; u++) {
                TestModels.train(registry, "u" + u, user(u % 3 + 1, 70 + u).subList(0, 24), CONFIG);
            }
            List<ScoringRequest> warm = requests(probes, 0, 8);
            registry.score(warm);
            // churn like an adapter cache: a slot freed and reused, a detach and re-attach, a swap of weights
            LoraAdapter u3 = registry.adapter("u3");
            registry.delete("u1");
            registry.register(u3.renamed("u1"));
            registry.detach("u0");
            registry.attach("u0");
            registry.replace(registry.adapter("u2").renamed("u2"));
            for (String name : registry.names()) {
                fresh.register(registry.adapter(name));
            }
            List<ScoringRequest> batch = requests(probes, 8, 16);
            List<OptionScores> mixed = registry.score(batch);
            List<OptionScores> sequential = registry.scoreOneByOne(batch);
            for (int i = 0; i < batch.size(); i++) {
                assertArrayEquals(sequential.get(i).logits(), mixed.get(i).logits(), 1e-4, "request " + i);
            }
            assertEquals(fresh.score(batch), mixed, "an updated stack serves bit for bit as one built afresh");
        }
    }

    /** {@code count} requests from {@code from}, cycling through u2, the base model, u0 and u1. */
    private static List<ScoringRequest> requests(List<LabelledExample> probes, int from, int count) {
        String[] adapters = {"u2", "", "u0", "u1"};
        List<ScoringRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Prompt prompt = probes.get(from + i).prompt();
            String adapter = adapters[(from + i) % adapters.length];
            requests.add(adapter.isEmpty() ? ScoringRequest.base(prompt) : ScoringRequest.with(prompt, adapter));
        }
        return requests;
    }

    @Test
    void mergeAndUnmergeRoundTrip() {
        ScoringModel base = TestModels.pretrained();
        Map<String, float[]> before = base.weights();
        List<Prompt> probes = TestModels.prompts(user(1, 40).subList(0, 12));
        List<OptionScores> baseScores = base.score(probes);
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            TestModels.train(registry, "u", user(1, 41).subList(0, 30), CONFIG);
            List<OptionScores> unmerged = registry.score(probes, Optional.of("u"));
            MergeReport merge = registry.merge("u");
            assertTrue(merge.snapshotBytes() > 0);
            List<OptionScores> merged = base.score(probes);
            List<OptionScores> mergedNamed = registry.score(probes, Optional.of("u"));
            for (int i = 0; i < probes.size(); i++) {
                assertArrayEquals(unmerged.get(i).logits(), merged.get(i).logits(), 1e-4, "merged probe " + i);
                assertEquals(merged.get(i), mergedNamed.get(i), "the merged adapter is not applied twice");
            }
            assertThrows(IllegalStateException.class, () -> registry.merge("u"));
            assertThrows(IllegalStateException.class, () -> registry.detach("u"));
            UnmergeReport restore = registry.unmerge(UnmergeMode.RESTORE);
            assertTrue(restore.exact());
            assertEquals(baseScores, base.score(probes));
            assertTrue(restore.maxAbsError() < 1e-5, "fp32 round trip error " + restore.maxAbsError());
        }
        // subtraction drifts the weights by fp32 rounding, so it runs on a private copy of the base
        try (ScoringModel copy = ScoringModel.fromWeights(base.config(), base.weights()); AdapterRegistry registry = new AdapterRegistry(copy)) {
            TestModels.train(registry, "u", user(1, 41).subList(0, 30), CONFIG);
            registry.merge("u");
            UnmergeReport subtract = registry.unmerge(UnmergeMode.SUBTRACT);
            assertTrue(subtract.maxAbsError() < 1e-5, "fp32 round trip error " + subtract.maxAbsError());
            List<OptionScores> afterSubtract = copy.score(probes);
            for (int i = 0; i < probes.size(); i++) {
                assertArrayEquals(baseScores.get(i).logits(), afterSubtract.get(i).logits(), 1e-4);
            }
        }
        base.weights().forEach((name, values) -> assertArrayEquals(before.get(name), values, name));
    }

    @Test
    void saveAndLoadRoundTripAndBadFilesLeaveTheRegistryUnchanged() throws Exception {
        ScoringModel base = TestModels.pretrained();
        List<Prompt> probes = TestModels.prompts(user(2, 50).subList(0, 8));
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            TestModels.train(registry, "u", user(2, 51).subList(0, 30), CONFIG);
            Path file = dir.resolve("u.lora");
            long bytes = registry.save("u", file);
            assertEquals(Files.size(file), bytes);
            assertTrue(bytes > registry.adapter("u").payloadBytes());
            registry.load("copy", file);
            assertEquals(registry.score(probes, Optional.of("u")), registry.score(probes, Optional.of("copy")));

            byte[] content = Files.readAllBytes(file);
            Path truncated = dir.resolve("truncated.lora");
            Files.write(truncated, java.util.Arrays.copyOf(content, content.length - 10));
            CheckpointFormatException cut = assertThrows(CheckpointFormatException.class, () -> registry.load("bad", truncated));
            assertTrue(cut.getMessage().contains("truncated"), cut.getMessage());

            LoraAdapter foreign = new LoraAdapter("foreign", registry.adapter("u").config(), registry.adapter("u").factors(), "0".repeat(64));
            Path foreignFile = dir.resolve("foreign.lora");
            AdapterFile.write(foreign, foreignFile);
            CheckpointFormatException other = assertThrows(CheckpointFormatException.class, () -> registry.load("foreign", foreignFile));
            assertTrue(other.getMessage().contains("another base model") || other.getMessage().contains("belongs to base model"), other.getMessage());

            try (ScoringModel wider = ScoringModel.initialise(new ModelConfig(16, 8, 24, 16, 3));
                    AdapterRegistry widerRegistry = new AdapterRegistry(wider)) {
                LoraAdapter misfit = new LoraAdapter("misfit", registry.adapter("u").config(), registry.adapter("u").factors(), wider.identity());
                Path misfitFile = dir.resolve("misfit.lora");
                AdapterFile.write(misfit, misfitFile);
                CheckpointFormatException shape = assertThrows(CheckpointFormatException.class, () -> widerRegistry.load("misfit", misfitFile));
                assertTrue(shape.getMessage().contains("hidden_1"), shape.getMessage());
                assertTrue(widerRegistry.names().isEmpty());
            }
            assertEquals(Set.of("copy", "u"), registry.names());
            assertThrows(IllegalArgumentException.class, () -> TestModels.train(registry, "u", user(2, 52), CONFIG));
            assertThrows(IllegalArgumentException.class, () -> TestModels.train(registry, "empty", List.of(), CONFIG));
            assertThrows(IllegalArgumentException.class, () -> TestModels.train(registry, "bad name", user(2, 52), CONFIG));
            assertThrows(IllegalArgumentException.class, () -> TestModels.train(registry, "rank", user(2, 52),
                    CONFIG.withLora(new LoraConfig(40, 8, LoraConfig.HIDDEN_AND_ATTENTION))));
            assertEquals(Set.of("copy", "u"), registry.names());
        }
    }

    @Test
    void softTargetsFromContextDistillationTeachTheStatedPreference() {
        ScoringModel base = TestModels.pretrained();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<Prompt> withContext = new ArrayList<>();
        List<LabelledExample> heldOut = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            var question = TestModels.WORLD.question(random, List.of(TestModels.WORLD.statement(random, 3)));
            if (n < 40) {
                withContext.add(question.prompt());
            } else {
                heldOut.add(LabelledExample.hard(question.prompt().withoutContext(), question.optionFor(3)));
            }
        }
        List<LabelledExample> soft = ContextDistillation.softTargets(base, withContext, 1.0);
        assertTrue(soft.get(0).target() instanceof Target.Soft && soft.get(0).prompt().contextSize() == 0);
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            TestModels.train(registry, "distilled", soft, CONFIG);
            double before = TestModels.accuracy(base, heldOut);
            double after = TestModels.accuracy(registry.scorer(Optional.of("distilled")), heldOut);
            assertTrue(after >= before + 0.4, "distilled adapter accuracy " + after + " vs base " + before);
        }
    }
}
