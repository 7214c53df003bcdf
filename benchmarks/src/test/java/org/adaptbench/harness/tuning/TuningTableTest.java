package org.adaptbench.harness.tuning;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Units;
import org.junit.jupiter.api.Test;

/** The table's verdicts on planted trials: when a change is supported, and whether global-lora reaches the ceiling. */
class TuningTableTest {

    private static MetricValue value(double value, double low, double high) {
        return new MetricValue(value, low, high, 30, Units.FRACTION, true);
    }

    private static Trial lora(int index, double global) {
        Map<String, MetricValue> accuracy = Map.of(ApproachNames.GLOBAL_LORA, value(global, global - 0.08, global + 0.08),
                ApproachNames.VARIANT_LORA, value(0.3, 0.22, 0.38), ApproachNames.USER_LORA, value(0.35, 0.27, 0.43));
        return new Trial(Side.LORA, index, new TreeMap<>(Map.of("adapters.rank", "4")), accuracy, accuracy, Map.of(), Map.of(),
                (global + 0.65) / 3, 1.0);
    }

    private static TuningTable table(List<Trial> trials, int best, Map<String, MetricValue> lift) {
        return new TuningTable("quick", 1, new TuningSearch.Settings(trials.size(), 60, 40, 30), "abc", 197,
                Map.of(ApproachNames.MAJORITY_CEILING, value(0.391, 0.379, 0.405)), Map.of(), Map.of(), Map.of(),
                List.of(new TuningTable.SideResult(Side.LORA, trials, best, lift)));
    }

    @Test
    void theSuitesValuesAndTheBestTrialAreJudgedAgainstTheCeilingApart() {
        String md = table(List.of(lora(0, 0.278), lora(1, 0.330)), 1, Map.of()).markdown("cmd");
        assertTrue(md.contains("with the suite's values scores 0.278 [0.198, 0.358]: it falls short by 0.033"), md);
        assertTrue(md.contains("its best trial (1, the highest of 2 scores on the same users, so optimistic) scores 0.330"
                + " [0.250, 0.410]: it reaches the ceiling within its interval"), md);
    }

    @Test
    void aChangeIsSupportedOnlyWhenNoIntervalCrossesBelowZeroAndOneLiesAbove() {
        List<Trial> trials = List.of(lora(0, 0.3), lora(1, 0.31));
        assertTrue(new TuningTable.SideResult(Side.LORA, trials, 1,
                Map.of(ApproachNames.GLOBAL_LORA, value(0.05, 0.01, 0.09), ApproachNames.USER_LORA, value(0.0, -0.03, 0.03))).supported());
        assertFalse(new TuningTable.SideResult(Side.LORA, trials, 1,
                Map.of(ApproachNames.GLOBAL_LORA, value(0.05, -0.01, 0.09))).supported(), "an interval across zero");
        assertFalse(new TuningTable.SideResult(Side.LORA, trials, 1,
                Map.of(ApproachNames.GLOBAL_LORA, value(0.05, 0.01, 0.09), ApproachNames.USER_LORA, value(-0.05, -0.09, -0.01)))
                .supported(), "one approach worse");
        assertFalse(new TuningTable.SideResult(Side.LORA, trials, 0, Map.of()).supported(), "the suite's values are best");
    }
}
