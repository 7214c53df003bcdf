package org.adaptbench.harness.approach.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.UnmergeMode;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.train.AdapterTrainer;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.ContractFixture;
import org.junit.jupiter.api.Test;

/**
 * The distillation teacher is a frozen copy of the base model: what fine-tuning learns from a
 * statement does not depend on which adapter some approach has merged into the base at the time (the
 * teacher's answers are cached per text for every approach of the workload).
 */
class FrozenTeacherTest {

    @Test
    void distilledTargetsDoNotDependOnAnAdapterMergedIntoTheBase() {
        ContractFixture fixture = ContractFixture.get();
        UserData user = fixture.workload.scoredUsers().get(0);
        List<LabelledExample> clean;
        ApproachContext first = fixture.newContext();
        try (first; var bench = first.bench()) {
            clean = FineTuningSetup.data(first).examples(user.userId(), user.history(), Set.of(), 1000);
        }
        List<LabelledExample> whileMerged;
        ApproachContext second = fixture.newContext();
        try (second; var bench = second.bench(); AdapterRegistry registry = new AdapterRegistry(bench.baseModel())) {
            ScoringModel base = bench.baseModel();
            var probes = clean.stream().map(LabelledExample::prompt).toList();
            double[] before = base.score(probes).get(0).probabilities();
            registry.register(AdapterTrainer.train(base, "someone-else", clean, FineTuningSetup.training(second, "test", 4)).adapter());
            registry.merge("someone-else");
            assertFalse(java.util.Arrays.equals(before, base.score(probes).get(0).probabilities()), "the merge changed the base's answers");
            whileMerged = FineTuningSetup.data(second).examples(user.userId(), user.history(), Set.of(), 1000);
            assertEquals(bench.baseModel().identity(), bench.teacher().identity());
            registry.unmerge(UnmergeMode.RESTORE);
        }
        assertFalse(clean.isEmpty());
        assertEquals(clean.size(), whileMerged.size());
        for (int i = 0; i < clean.size(); i++) {
            int options = clean.get(i).prompt().optionCount();
            assertArrayEquals(clean.get(i).target().distribution(options), whileMerged.get(i).target().distribution(options), "example " + i);
        }
    }
}
