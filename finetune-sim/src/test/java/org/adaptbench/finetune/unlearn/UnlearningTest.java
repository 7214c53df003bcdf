package org.adaptbench.finetune.unlearn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptbench.finetune.TestModels;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.AscentConfig;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class UnlearningTest {

    private static final AdapterTrainingConfig CONFIG =
            new AdapterTrainingConfig(new LoraConfig(4, 8, LoraConfig.HIDDEN_AND_ATTENTION), TrainingConfig.adapter(13).withEpochs(8));

    /** A user who liked value 1 (kept) and then stated value 3 on other questions (to be deleted). */
    private static final List<LabelledExample> KEPT = TestModels.WORLD.userExamples(1, 24, 301);
    private static final List<LabelledExample> DELETED = TestModels.WORLD.userExamples(3, 24, 302);
    private static final List<Prompt> PROBES = TestModels.prompts(TestModels.WORLD.userExamples(3, 30, 303));

    private static List<LabelledExample> all() {
        List<LabelledExample> all = new ArrayList<>(KEPT);
        all.addAll(DELETED);
        return all;
    }

    @Test
    void retrainingWithoutTheDeletedExamplesMatchesTheNeverLearnedReferenceExactly() {
        try (AdapterRegistry registry = new AdapterRegistry(TestModels.pretrained())) {
            TestModels.train(registry, "user", all(), CONFIG);
            TestModels.train(registry, "reference", KEPT, CONFIG);
            List<OptionScores> reference = registry.score(PROBES, Optional.of("reference"));
            ReversalMetrics before = ReversalMetrics.compare(registry.score(PROBES, Optional.of("user")), reference);
            UnlearningReport report = new Unlearning(registry).retrain("user", KEPT, CONFIG);
            ReversalMetrics after = ReversalMetrics.compare(registry.score(PROBES, Optional.of("user")), reference);
            assertTrue(before.agreement() < 1, "the deleted preference changed behaviour: " + before);
            assertEquals(1.0, after.agreement());
            assertEquals(0.0, after.meanAbsProbabilityDifference());
            assertEquals(UnlearningMethod.RETRAIN, report.method());
            assertTrue(report.steps() > 0 && report.wallNanos() > 0 && !report.wasMerged());
            assertThrows(IllegalArgumentException.class, () -> new Unlearning(registry).retrain("user", List.of(), CONFIG));
        }
    }

    @Test
    void gradientAscentMovesTowardsTheReference() {
        try (AdapterRegistry registry = new AdapterRegistry(TestModels.pretrained())) {
            TestModels.train(registry, "user", all(), CONFIG);
            TestModels.train(registry, "reference", KEPT, CONFIG);
            List<OptionScores> reference = registry.score(PROBES, Optional.of("reference"));
            ReversalMetrics before = ReversalMetrics.compare(registry.score(PROBES, Optional.of("user")), reference);
            UnlearningReport report = new Unlearning(registry).gradientAscent("user", DELETED, KEPT,
                    new AscentConfig(15, 8, 1e-2, 1.0, 5, ContextUse.EMPTY));
            ReversalMetrics after = ReversalMetrics.compare(registry.score(PROBES, Optional.of("user")), reference);
            assertTrue(after.meanAbsProbabilityDifference() < before.meanAbsProbabilityDifference(), before + " -> " + after);
            assertEquals(15, report.steps());
        }
    }

    @Test
    void detachingAMergedAdapterRestoresTheBaseExactly() {
        try (AdapterRegistry registry = new AdapterRegistry(TestModels.pretrained())) {
            List<OptionScores> base = registry.score(PROBES, Optional.empty());
            TestModels.train(registry, "user", all(), CONFIG);
            registry.merge("user");
            UnlearningReport report = new Unlearning(registry).detach("user");
            assertTrue(report.wasMerged() && report.unmerge().orElseThrow().exact());
            assertEquals(Optional.empty(), registry.mergedAdapter());
            ReversalMetrics metrics = ReversalMetrics.compare(registry.score(PROBES, Optional.empty()), base);
            assertEquals(1.0, metrics.agreement());
            assertEquals(0.0, metrics.maxAbsProbabilityDifference());
            assertTrue(!registry.isAttached("user"));
        }
    }

    @Test
    void retrainingAMergedAdapterLeavesItMerged() {
        try (AdapterRegistry registry = new AdapterRegistry(TestModels.pretrained())) {
            TestModels.train(registry, "user", all(), CONFIG);
            TestModels.train(registry, "reference", KEPT, CONFIG);
            // scored before merging: once "user" is merged, every adapter would apply on top of it
            List<OptionScores> reference = registry.score(PROBES, Optional.of("reference"));
            registry.merge("user");
            UnlearningReport report = new Unlearning(registry).retrain("user", KEPT, CONFIG);
            assertTrue(report.wasMerged());
            assertEquals(Optional.of("user"), registry.mergedAdapter());
            ReversalMetrics metrics = ReversalMetrics.compare(registry.score(PROBES, Optional.empty()), reference);
            assertTrue(metrics.meanAbsProbabilityDifference() < 1e-3, metrics.toString());
        }
    }
}
