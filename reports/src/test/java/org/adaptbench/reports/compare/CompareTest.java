package org.adaptbench.reports.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adaptbench.reports.fixture.FixtureRun;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsFormatException;
import org.adaptbench.reports.results.ResultsIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareTest {

    @TempDir
    Path dir;

    private Path write(String name, FixtureRun run) {
        return run.writeTo(dir.resolve(name));
    }

    private static MetricComparison metric(Comparison comparison, String name) {
        return comparison.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void flagsAPlantedTwentyPercentSlowdown() {
        Path baseline = write("baseline", FixtureRun.generate());
        // memory's latencies drawn afresh and 20% slower; everything else identical
        Path current = write("current", FixtureRun.generate(FixtureRun.Options.standard().withLatency("memory", 1.2, 99)));
        Comparison comparison = Compare.compare(baseline, current, 5, Optional.of(Gate.all()));
        MetricComparison p50 = metric(comparison, "latency/memory/latency_p50_ms");
        assertEquals(Change.REGRESSION, p50.change(), p50.toString());
        assertTrue(p50.statistics().contains("Mann-Whitney"), p50.statistics());
        assertTrue(p50.relativeChange().getAsDouble() > 0.1, p50.toString());
        assertTrue(comparison.hasRegression());
        // the other approaches' latencies are the same draws, and nothing else moved
        assertEquals(Change.NO_CLEAR_CHANGE, metric(comparison, "latency/none/latency_p50_ms").change());
        assertTrue(comparison.metrics().stream().filter(m -> m.change() != Change.NO_CLEAR_CHANGE)
                .allMatch(m -> m.name().startsWith("latency/memory/")), ComparisonMarkdown.render(comparison));
    }

    @Test
    void identicalRunsShowNoChangeAndOutputsAreByteIdentical() throws Exception {
        Path baseline = write("baseline", FixtureRun.generate());
        Path current = write("current", FixtureRun.generate(FixtureRun.Options.standard().withLatency("memory", 1.2, 99)));
        Comparison first = Compare.compare(baseline, current, 5);
        Comparison second = Compare.compare(baseline, current, 5);
        assertEquals(ComparisonMarkdown.render(first), ComparisonMarkdown.render(second));
        List<Path> a = BenchmarkActionJson.write(first, dir.resolve("a/bench.json"));
        List<Path> b = BenchmarkActionJson.write(second, dir.resolve("b/bench.json"));
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)));
        }
        Comparison same = Compare.compare(baseline, baseline, 5);
        assertTrue(same.metrics().stream().allMatch(m -> m.change() == Change.NO_CLEAR_CHANGE));
        assertTrue(same.warnings().isEmpty(), same.warnings().toString());
    }

    @Test
    void benchmarkActionJsonSplitsByDirection() throws Exception {
        Path run = write("run", FixtureRun.generate());
        Comparison comparison = Compare.compare(run, run, 5);
        List<Path> files = BenchmarkActionJson.write(comparison, dir.resolve("out/bench.json"));
        assertEquals(List.of(dir.resolve("out/bench-bigger-is-better.json"), dir.resolve("out/bench-smaller-is-better.json")), files);
        JsonNode bigger = new ObjectMapper().readTree(files.get(0).toFile());
        JsonNode smaller = new ObjectMapper().readTree(files.get(1).toFile());
        assertTrue(bigger.isArray() && bigger.size() > 0 && smaller.isArray() && smaller.size() > 0);
        assertTrue(contains(bigger, "granularity/memory/accuracy"));
        assertTrue(contains(smaller, "latency/memory/latency_p50_ms"));
        assertFalse(contains(bigger, "latency/memory/latency_p50_ms"));
        for (JsonNode entry : bigger) {
            assertTrue(entry.get("name").isTextual() && entry.get("unit").isTextual() && entry.get("value").isNumber(), entry.toString());
        }
        JsonNode accuracy = find(bigger, "granularity/memory/accuracy");
        assertTrue(accuracy.get("range").asText().startsWith("± "), accuracy.toString());
        assertTrue(accuracy.get("extra").asText().contains("baseline"), accuracy.toString());
    }

    private static boolean contains(JsonNode array, String name) {
        return find(array, name) != null;
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode entry : array) {
            if (entry.get("name").asText().equals(name)) {
                return entry;
            }
        }
        return null;
    }

    @Test
    void metricsOnOneSideAreAddedOrRemovedAndConfigDifferencesAreNamed() {
        Results base = FixtureRun.generate().results();
        var scenarios = new java.util.TreeMap<>(base.scenarios());
        var latency = new java.util.TreeMap<>(scenarios.get("latency"));
        latency.remove("none");
        latency.put("new-approach", Map.of(MetricNames.LATENCY_P50_MS, MetricValue.exact(3, 1, "ms", false)));
        scenarios.put("latency", latency);
        var config = base.config().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) config).put("users", 200);
        Results changed = new Results(base.schemaVersion(), base.runId(), config, base.gitSha(), base.datasetHashes(),
                base.environment(), base.claims(), scenarios, base.series(), base.distributions(), base.notes());
        ResultsIo.write(dir.resolve("a"), base);
        ResultsIo.write(dir.resolve("b"), changed);
        Comparison comparison = Compare.compare(dir.resolve("a"), dir.resolve("b/results.json"), 5);
        assertEquals(Change.ADDED, metric(comparison, "latency/new-approach/latency_p50_ms").change());
        assertEquals(Change.REMOVED, metric(comparison, "latency/none/latency_p99_ms").change());
        assertFalse(comparison.hasRegression());
        assertEquals(1, comparison.warnings().size(), comparison.warnings().toString());
        assertTrue(comparison.warnings().get(0).contains("config.users (48 → 200)"), comparison.warnings().get(0));
        String markdown = ComparisonMarkdown.render(comparison);
        assertTrue(markdown.contains("➕ added") && markdown.contains("➖ removed") && markdown.contains("config.users"), markdown);
    }

    @Test
    void exactFiguresCountAnyChangeBeyondTheThreshold() {
        Measurement before = new Measurement("cost/user-lora/bytes_per_user", "bytes", false, 1000, 1000, 1000, true, 1, new double[0]);
        Measurement after = new Measurement("cost/user-lora/bytes_per_user", "bytes", false, 1100, 1100, 1100, true, 1, new double[0]);
        Measurement slightly = new Measurement("cost/user-lora/bytes_per_user", "bytes", false, 1010, 1010, 1010, true, 1, new double[0]);
        assertEquals(Change.REGRESSION, only(before, after).change());
        assertEquals(Change.IMPROVEMENT, only(after, before).change());
        assertEquals(Change.NO_CLEAR_CHANGE, only(before, slightly).change());
    }

    @Test
    void overlappingIntervalsWithoutSamplesAreNoClearChange() {
        Measurement before = new Measurement("a/b/accuracy", "fraction", true, 0.80, 0.70, 0.90, true, 40, new double[0]);
        Measurement after = new Measurement("a/b/accuracy", "fraction", true, 0.72, 0.62, 0.82, true, 40, new double[0]);
        Measurement far = new Measurement("a/b/accuracy", "fraction", true, 0.50, 0.45, 0.55, true, 40, new double[0]);
        assertEquals(Change.NO_CLEAR_CHANGE, only(before, after).change());
        assertEquals(Change.REGRESSION, only(before, far).change());
        Measurement unknown = new Measurement("a/b/accuracy", "fraction", true, 0.5, 0.5, 0.5, false, 1, new double[0]);
        MetricComparison undecided = only(before, unknown);
        assertEquals(Change.NO_CLEAR_CHANGE, undecided.change());
        assertTrue(undecided.statistics().contains("cannot tell"), undecided.statistics());
    }

    @Test
    void unitChangeIsWarnedAndNotCompared() {
        Measurement before = new Measurement("x", "ms", false, 1, 1, 1, true, 1, new double[0]);
        Measurement after = new Measurement("x", "s", false, 0.001, 0.001, 0.001, true, 1, new double[0]);
        Comparison comparison = Compare.compare(set(before), set(after), 5, List.of());
        assertEquals(Change.NO_CLEAR_CHANGE, comparison.metrics().get(0).change());
        assertTrue(comparison.warnings().get(0).contains("unit changed"), comparison.warnings().toString());
    }

    private static MetricComparison only(Measurement before, Measurement after) {
        return Compare.compare(set(before), set(after), 5, List.of()).metrics().get(0);
    }

    private static MeasurementSet set(Measurement measurement) {
        return new MeasurementSet("x", MeasurementSet.RESULTS, Map.of(measurement.name(), measurement), Map.of());
    }

    @Test
    void badInputsFailWithTheFileNamed() throws Exception {
        Path run = write("run", FixtureRun.generate());
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\", \"primaryMetric\": {\"score\": 1");
        var failure = assertThrows(ResultsFormatException.class, () -> Compare.compare(run, truncated, 5));
        assertTrue(failure.getMessage().contains("truncated.json") && failure.getMessage().contains("not valid JSON"), failure.getMessage());
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"hello\": 1}");
        failure = assertThrows(ResultsFormatException.class, () -> Compare.compare(other, other, 5));
        assertTrue(failure.getMessage().contains("neither"), failure.getMessage());
        Path jmh = dir.resolve("jmh.json");
        Files.writeString(jmh, "[]");
        failure = assertThrows(ResultsFormatException.class, () -> Compare.compare(run, jmh, 5));
        assertTrue(failure.getMessage().contains("compare like with like"), failure.getMessage());
        failure = assertThrows(ResultsFormatException.class, () -> Compare.compare(dir.resolve("missing"), run, 5));
        assertTrue(failure.getMessage().contains("missing"), failure.getMessage());
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "", StandardCharsets.UTF_8);
        failure = assertThrows(ResultsFormatException.class, () -> Compare.compare(empty, empty, 5));
        assertTrue(failure.getMessage().contains("empty"), failure.getMessage());
    }
}
