package org.adaptbench.finetune.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adaptbench.finetune.TestModels;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.lora.LowRankFactors;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.runtime.TorchRuntime;
import org.junit.jupiter.api.Test;

/**
 * Adapters trained on several threads at once on one base model are the adapters each gives alone:
 * runs no longer wait for one another (grad mode is per thread, each graph ends at its own factors),
 * so nothing one run does may reach another's gradients or the shared base weights.
 */
class ConcurrentTrainingTest {

    @Test
    void trainingsAndAscentsAtOnceEqualEachAlone() throws Exception {
        ScoringModel base = TestModels.pretrained();
        List<LabelledExample> examples = TestModels.WORLD.pretraining(96);
        AdapterTrainingConfig config = new AdapterTrainingConfig(new LoraConfig(2, 4.0, LoraConfig.defaults().targets()),
                new TrainingConfig(4, 8, 1e-2, 5, ContextUse.AS_GIVEN));
        AscentConfig ascent = new AscentConfig(12, 8, 1e-2, 1.0, 6, ContextUse.AS_GIVEN);
        int runs = 4;
        List<LoraAdapter[]> alone = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            alone.add(trainAndAscend(base, "u" + run, examples.subList(run * 8, run * 8 + 48), config, ascent));
        }
        String baseBefore = base.identity();
        ExecutorService threads = Executors.newFixedThreadPool(runs);
        try {
            List<Future<LoraAdapter[]>> atOnce = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                int r = run;
                atOnce.add(threads.submit(() -> {
                    TorchRuntime.inferenceMode();
                    return trainAndAscend(base, "u" + r, examples.subList(r * 8, r * 8 + 48), config, ascent);
                }));
            }
            for (int run = 0; run < runs; run++) {
                LoraAdapter[] together = atOnce.get(run).get();
                assertSameFactors(alone.get(run)[0], together[0]);
                assertSameFactors(alone.get(run)[1], together[1]);
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(baseBefore, base.identity(), "training on several threads leaves the base weights as they were");
    }

    private static LoraAdapter[] trainAndAscend(ScoringModel base, String name, List<LabelledExample> examples,
            AdapterTrainingConfig config, AscentConfig ascent) {
        LoraAdapter trained = AdapterTrainer.train(base, name, examples, config).adapter();
        LoraAdapter ascended = AdapterTrainer.ascend(base, trained, examples.subList(0, 16), examples.subList(16, 40), ascent).adapter();
        return new LoraAdapter[] {trained, ascended};
    }

    private static void assertSameFactors(LoraAdapter expected, LoraAdapter actual) {
        expected.factors().forEach((layer, factors) -> {
            LowRankFactors other = actual.factors().get(layer);
            assertArrayEquals(factors.a(), other.a(), expected.name() + " " + layer + " A");
            assertArrayEquals(factors.b(), other.b(), expected.name() + " " + layer + " B");
        });
    }
}
