package org.adaptbench.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.adaptbench.reports.fixture.FixtureRun;
import org.adaptbench.reports.results.EnvironmentNames;
import org.adaptbench.reports.stats.McNemar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI gate does not fail on noise (issue 15, item 11): wall-clock figures are shown but not gated
 * unless asked, never between machines, and a single wall-clock measurement is never taken for an
 * exact one; a real drop in accuracy on the same items still fails it, through the paired test.
 */
class GateTest {

    @TempDir
    Path dir;

    private static final Map<String, String> MACHINE = Map.of(EnvironmentNames.CPU_MODEL, "Some CPU @ 2.0GHz", EnvironmentNames.AVAILABLE_PROCESSORS, "2",
            EnvironmentNames.OS, "Linux amd64", EnvironmentNames.JAVA_VM, "OpenJDK 64-Bit Server VM", EnvironmentNames.JAVA_VERSION, "17.0.15");
    private static final Map<String, String> DATA = Map.of("dataset_hashes.synthetic", "abc");

    private static MeasurementSet side(Map<String, String> machine, Map<String, String> settings, Measurement... measurements) {
        Map<String, Measurement> byName = new TreeMap<>();
        for (Measurement m : measurements) {
            byName.put(m.name(), m);
        }
        return new MeasurementSet("x", MeasurementSet.RESULTS, byName, settings, Map.of(), Optional.of(machine));
    }

    private static Measurement timing(String name, double value, double low, double high) {
        return new Measurement(name, "ms", false, value, low, high, true, 50, new double[0]);
    }

    @Test
    void aPlantedSlowdownIsShownButNotGatedByDefaultAndGatedWhenAsked() {
        Path baseline = FixtureRun.generate().writeTo(dir.resolve("baseline"));
        Path current = FixtureRun.generate(FixtureRun.Options.standard().withLatency("memory", 1.5, 99)).writeTo(dir.resolve("current"));
        Comparison byDefault = Compare.compare(baseline, current, 5);
        MetricComparison p50 = byDefault.metrics().stream().filter(m -> m.name().equals("latency/memory/latency_p50_ms")).findFirst()
                .orElseThrow();
        assertEquals(Change.NOT_GATED, p50.change(), p50.toString());
        assertFalse(byDefault.hasRegression(), ComparisonMarkdown.render(byDefault));
        String markdown = ComparisonMarkdown.render(byDefault);
        assertTrue(markdown.contains("⚪ not gated (worse)") && markdown.contains("timing is shown, not gated"), markdown);
        assertTrue(Compare.compare(baseline, current, 5, Optional.of(Gate.all())).hasRegression());
        assertTrue(Compare.compare(baseline, current, 5, Optional.of(Gate.parse("accuracy,timing"))).hasRegression());
    }

    @Test
    void timingIsNeverGatedBetweenMachines() {
        Measurement before = timing("latency/memory/latency_p50_ms", 10, 9.5, 10.5);
        Measurement after = timing("latency/memory/latency_p50_ms", 20, 19.5, 20.5);
        Map<String, String> other = new TreeMap<>(MACHINE);
        other.put(EnvironmentNames.CPU_MODEL, "Another CPU @ 3.5GHz");
        Comparison same = Compare.compare(side(MACHINE, DATA, before), side(MACHINE, DATA, after), 5, Gate.all(), List.of());
        assertEquals(Change.REGRESSION, same.metrics().get(0).change());
        Comparison across = Compare.compare(side(MACHINE, DATA, before), side(other, DATA, after), 5, Gate.all(), List.of());
        assertEquals(Change.NOT_GATED, across.metrics().get(0).change(), across.metrics().get(0).toString());
        assertTrue(across.metrics().get(0).statistics().contains("measured on different machines"));
        assertTrue(across.warnings().stream().anyMatch(w -> w.contains("cpu_model (Some CPU @ 2.0GHz → Another CPU @ 3.5GHz)")),
                across.warnings().toString());
    }

    @Test
    void aSingleWallClockMeasurementIsNotAnExactFigure() {
        // train_seconds of a batch-trained adapter: one measurement, written with a zero-width interval
        Measurement before = new Measurement("cost/global-lora/train_seconds", "seconds", false, 0.0104, 0.0104, 0.0104, true, 30,
                new double[0]);
        Measurement after = new Measurement("cost/global-lora/train_seconds", "seconds", false, 0.0207, 0.0207, 0.0207, true, 30,
                new double[0]);
        Comparison comparison = Compare.compare(side(MACHINE, DATA, before), side(MACHINE, DATA, after), 5, Gate.all(), List.of());
        assertEquals(Change.NO_CLEAR_CHANGE, comparison.metrics().get(0).change(), comparison.metrics().get(0).toString());
        assertTrue(comparison.metrics().get(0).statistics().contains("one wall-clock measurement per side"));
        // a byte count with a zero-width interval is exact: any change beyond the threshold counts
        Measurement bytes = new Measurement("cost/memory/bytes_per_user", "bytes", false, 100, 100, 100, true, 30, new double[0]);
        Measurement more = new Measurement("cost/memory/bytes_per_user", "bytes", false, 120, 120, 120, true, 30, new double[0]);
        assertEquals(Change.REGRESSION, Compare.compare(side(MACHINE, DATA, bytes), side(MACHINE, DATA, more), 5, List.of())
                .metrics().get(0).change());
    }

    /** 58 items, 28 right; the current side gets {@code flipped} of the right ones wrong. */
    private static MeasurementSet accuracySide(int flipped, Map<String, String> settings) {
        SortedMap<String, Integer> items = new TreeMap<>();
        int right = 0;
        for (int i = 0; i < 58; i++) {
            boolean correct = i < 28 && i >= flipped;
            items.put("u" + (i % 6) + "\u0000q" + i + "\u00001", correct ? 1 : 0);
            right += correct ? 1 : 0;
        }
        double value = right / 58.0;
        // intervals over six users are wide: a 20% drop stays inside them
        Measurement accuracy = new Measurement("granularity/memory/accuracy", "fraction", true, value, value - 0.15, value + 0.15,
                true, 6, new double[0]);
        return new MeasurementSet("x", MeasurementSet.RESULTS, Map.of(accuracy.name(), accuracy), settings,
                Map.of(accuracy.name(), items), Optional.of(MACHINE));
    }

    @Test
    void aTwentyPercentDropOnTheSameItemsFailsThroughThePairedTest() {
        MeasurementSet base = accuracySide(0, DATA);
        Comparison drop = Compare.compare(base, accuracySide(6, DATA), 5, List.of());
        MetricComparison accuracy = drop.metrics().get(0);
        assertEquals(Change.REGRESSION, accuracy.change(), accuracy.toString());
        assertTrue(accuracy.statistics().contains("intervals overlap") && accuracy.statistics().contains("McNemar p=")
                && accuracy.statistics().contains("6 of 58 paired items worse, 0 better"),
                accuracy.statistics());
        // the same drop on other data cannot be paired, and the intervals alone do not separate it
        Comparison otherData = Compare.compare(base, accuracySide(6, Map.of("dataset_hashes.synthetic", "def")), 5, List.of());
        assertEquals(Change.NO_CLEAR_CHANGE, otherData.metrics().get(0).change(), otherData.metrics().get(0).toString());
        // two items out of 28 is within what chance does
        assertEquals(Change.NO_CLEAR_CHANGE, Compare.compare(base, accuracySide(2, DATA), 5, List.of()).metrics().get(0).change());
        assertEquals(Change.NO_CLEAR_CHANGE, Compare.compare(base, accuracySide(0, DATA), 5, List.of()).metrics().get(0).change());
    }

    @Test
    void mcNemarIsTheExactBinomialOnTheDisagreements() {
        assertEquals(1.0, McNemar.pValue(0, 0));
        assertEquals(0.03125, McNemar.pValue(6, 0), 1e-12);
        assertEquals(0.0625, McNemar.pValue(0, 5), 1e-12);
        assertEquals(1.0, McNemar.pValue(3, 3), 1e-12);
    }

    @Test
    void classesAreToldByUnitAndParsedWithTheirNames() {
        assertEquals(MetricClass.ACCURACY, MetricClass.of("fraction"));
        assertEquals(MetricClass.TIMING, MetricClass.of("ms"));
        assertEquals(MetricClass.TIMING, MetricClass.of("seconds"));
        assertEquals(MetricClass.TIMING, MetricClass.of("us/op"));
        assertEquals(MetricClass.TIMING, MetricClass.of("ops/s"));
        assertEquals(MetricClass.BYTES, MetricClass.of("B/op"));
        assertEquals(MetricClass.COST, MetricClass.of("usd"));
        assertEquals("accuracy,tokens,bytes", Gate.parse("bytes, accuracy,tokens").describe());
        assertEquals(Gate.all(), Gate.parse("all"));
        assertFalse(Gate.defaultFor(MeasurementSet.RESULTS).gates(MetricClass.TIMING));
        assertTrue(Gate.defaultFor(MeasurementSet.JMH).gates(MetricClass.TIMING));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Gate.parse("accuracy,speed"));
        assertTrue(unknown.getMessage().contains("unknown class 'speed'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Gate.parse(","));
    }
}
