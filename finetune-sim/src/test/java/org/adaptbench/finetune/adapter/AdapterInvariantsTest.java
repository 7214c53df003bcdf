package org.adaptbench.finetune.adapter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.adaptbench.finetune.TestModels;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.lora.LowRankFactors;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;

/** Invariants of serving and merging that must hold for any adapter, not just trained ones. */
class AdapterInvariantsTest {

    private static LoraAdapter randomAdapter(String name, int rank, double alpha, long seed, ScoringModel base) {
        ModelConfig model = base.config();
        SplittableRandom random = new SplittableRandom(seed);
        Map<ModelLayer, LowRankFactors> factors = new EnumMap<>(ModelLayer.class);
        for (ModelLayer layer : LoraConfig.HIDDEN_AND_ATTENTION) {
            int in = model.inputsOf(layer);
            int out = model.outputsOf(layer);
            float[] a = new float[rank * in];
            float[] b = new float[out * rank];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) random.nextGaussian() * 0.3f;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) random.nextGaussian() * 0.3f;
            }
            factors.put(layer, new LowRankFactors(rank, in, out, a, b));
        }
        return new LoraAdapter(name, new LoraConfig(rank, alpha, LoraConfig.HIDDEN_AND_ATTENTION), factors, base.identity());
    }

    @Property(tries = 15)
    void mergeThenRestoreIsExactAndSubtractionIsCloseToIt(@ForAll @IntRange(min = 1, max = 8) int rank,
            @ForAll @IntRange(min = 1, max = 32) int alpha, @ForAll long seed) {
        ScoringModel base = TestModels.pretrained();
        List<Prompt> probes = TestModels.prompts(TestModels.pretrainingExamples().subList(0, 6));
        List<OptionScores> before = base.score(probes);
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            registry.register(randomAdapter("p", rank, alpha, seed, base));
            List<OptionScores> unmerged = registry.score(probes, Optional.of("p"));
            registry.merge("p");
            List<OptionScores> merged = base.score(probes);
            UnmergeReport report = registry.unmerge(UnmergeMode.RESTORE);
            assertTrue(report.maxAbsError() < 1e-4, "subtraction error " + report.maxAbsError());
            for (int i = 0; i < probes.size(); i++) {
                double scale = 1 + Math.abs(unmerged.get(i).logits()[0]);
                assertArrayEquals(unmerged.get(i).logits(), merged.get(i).logits(), 1e-4 * scale);
            }
        }
        assertEquals(before, base.score(probes));
    }

    @Property(tries = 10)
    void aMixedBatchEqualsRequestByRequestForAnyAssignment(@ForAll long seed) {
        ScoringModel base = TestModels.pretrained();
        SplittableRandom random = new SplittableRandom(seed);
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            int adapters = 1 + random.nextInt(4);
            for (int u = 0; u < adapters; u++) {
                registry.register(randomAdapter("a" + u, 1 + random.nextInt(6), 8, seed + u, base));
            }
            List<ScoringRequest> requests = new ArrayList<>();
            for (var example : TestModels.pretrainingExamples().subList(0, 1 + random.nextInt(12))) {
                int choice = random.nextInt(adapters + 1);
                requests.add(choice == adapters ? ScoringRequest.base(example.prompt()) : ScoringRequest.with(example.prompt(), "a" + choice));
            }
            List<OptionScores> mixed = registry.score(requests);
            List<OptionScores> sequential = registry.scoreOneByOne(requests);
            for (int i = 0; i < requests.size(); i++) {
                double scale = 1 + Math.abs(sequential.get(i).logits()[0]);
                assertArrayEquals(sequential.get(i).logits(), mixed.get(i).logits(), 1e-4 * scale, "request " + i);
            }
        }
    }
}
