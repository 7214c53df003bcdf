package org.adaptbench.finetune.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.adaptbench.finetune.TestModels;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.lora.LowRankFactors;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.ScoringModel;
import org.junit.jupiter.api.Test;

/**
 * Training repeats bit for bit however busy the garbage collector is. Every operand autograd keeps
 * for the backward pass must live in PyTorch's memory: a scalar DJL made from a Java number sat in a
 * direct buffer that a collection could free before the backward read it, and the same training
 * twice in one JVM then gave different weights. Here a thread collects garbage and scribbles over
 * freed native memory while the same trainings run three times each.
 */
class TrainingUnderGarbageCollectionTest {

    private static final ModelConfig SMALL = new ModelConfig(16, 4, 8, 8, 11);

    @Test
    void adapterTrainingWithContextAndAscentWithARetainSetRepeatUnderGarbageCollection() {
        ScoringModel base = TestModels.pretrained();
        // context in every example: the attention's scale is on the graph; all layers, so are the query and key LoRA factors
        List<LabelledExample> examples = TestModels.WORLD.pretraining(96).stream().filter(e -> e.prompt().contextSize() > 0).toList();
        AdapterTrainingConfig config = new AdapterTrainingConfig(new LoraConfig(2, 4.0, LoraConfig.defaults().targets()),
                new TrainingConfig(4, 8, 1e-2, 5, ContextUse.AS_GIVEN));
        AscentConfig ascent = new AscentConfig(12, 8, 1e-2, 1.0, 6, ContextUse.AS_GIVEN);
        List<LoraAdapter> trained = new ArrayList<>();
        List<LoraAdapter> ascended = new ArrayList<>();
        underGarbageCollection(() -> {
            for (int run = 0; run < 3; run++) {
                LoraAdapter adapter = AdapterTrainer.train(base, "u", examples, config).adapter();
                trained.add(adapter);
                ascended.add(AdapterTrainer.ascend(base, adapter, examples.subList(0, 16), examples.subList(16, 40), ascent).adapter());
            }
        });
        assertSameFactors(trained);
        assertSameFactors(ascended);
    }

    @Test
    void preTrainingRepeatsUnderGarbageCollection() {
        List<LabelledExample> examples = TestModels.WORLD.pretraining(96);
        TrainingConfig training = new TrainingConfig(3, 16, 3e-3, 4, ContextUse.AS_GIVEN);
        List<String> identities = new ArrayList<>();
        underGarbageCollection(() -> {
            for (int run = 0; run < 3; run++) {
                try (ScoringModel model = Pretraining.pretrain(SMALL, training, examples).model()) {
                    identities.add(model.identity());
                }
            }
        });
        assertEquals(List.of(identities.get(0), identities.get(0), identities.get(0)), identities);
    }

    private static void assertSameFactors(List<LoraAdapter> adapters) {
        for (LoraAdapter other : adapters.subList(1, adapters.size())) {
            adapters.get(0).factors().forEach((layer, factors) -> {
                LowRankFactors repeat = other.factors().get(layer);
                assertArrayEquals(factors.a(), repeat.a(), layer + " A");
                assertArrayEquals(factors.b(), repeat.b(), layer + " B");
            });
        }
    }

    /** Runs {@code work} while another thread collects garbage and fills fresh native memory with noise. */
    private static void underGarbageCollection(Runnable work) {
        AtomicBoolean done = new AtomicBoolean();
        Thread collector = new Thread(() -> {
            SplittableRandom random = new SplittableRandom(1);
            while (!done.get()) {
                System.gc();
                for (int i = 0; i < 64; i++) {
                    ByteBuffer noise = ByteBuffer.allocateDirect(4 + random.nextInt(64));
                    while (noise.hasRemaining()) {
                        noise.put((byte) random.nextInt());
                    }
                }
                Thread.onSpinWait();
            }
        }, "garbage-collector-storm");
        collector.setDaemon(true);
        collector.start();
        try {
            work.run();
        } finally {
            done.set(true);
        }
    }
}
