package org.adaptbench.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.adaptbench.reports.results.ResultsFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhCompareTest {

    @TempDir
    Path dir;

    /** A JMH -rf json entry with per-iteration raw data drawn around {@code mean}. */
    private static String benchmark(String name, String mode, String unit, double mean, long seed, String allocName, double alloc,
            boolean oneIteration) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder raw = new StringBuilder("[");
        double sum = 0;
        int forks = oneIteration ? 1 : 2;
        int iterations = oneIteration ? 1 : 5;
        for (int f = 0; f < forks; f++) {
            raw.append(f > 0 ? "," : "").append("[");
            for (int i = 0; i < iterations; i++) {
                double value = mean * (1 + 0.02 * (random.nextDouble() - 0.5));
                sum += value;
                raw.append(i > 0 ? "," : "").append(String.format(Locale.US, "%.6f", value));
            }
            raw.append("]");
        }
        raw.append("]");
        double score = sum / (forks * iterations);
        String error = oneIteration ? "\"NaN\"" : String.format(Locale.US, "%.6f", score * 0.01);
        String confidence = oneIteration ? "[\"NaN\", \"NaN\"]"
                : String.format(Locale.US, "[%.6f, %.6f]", score * 0.99, score * 1.01);
        return """
                {"jmhVersion": "1.37", "benchmark": "%s", "mode": "%s", "threads": 1, "forks": %d, "jvm": "/usr/bin/java",
                 "jvmArgs": ["-Xmx1g"], "jdkVersion": "17.0.15", "warmupIterations": 3, "measurementIterations": %d,
                 "params": {"size": "100", "approach": "memory"},
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreConfidence": %s, "scoreUnit": "%s", "rawData": %s},
                 "secondaryMetrics": {"%s": {"score": %s, "scoreError": "NaN", "scoreConfidence": ["NaN", "NaN"], "scoreUnit": "B/op",
                   "rawData": %s}}}
                """.formatted(name, mode, forks, iterations, String.format(Locale.US, "%.6f", score), error, confidence, unit, raw,
                allocName, String.format(Locale.US, "%.1f", alloc), raw.toString().replaceAll("[0-9.]+", String.format(Locale.US, "%.1f", alloc)));
    }

    private Path file(String name, String... benchmarks) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, "[" + String.join(",", benchmarks) + "]");
        return file;
    }

    @Test
    void throughputDropAndTimeRiseAreRegressionsAndOldSecondarySpellingMatchesNew() throws Exception {
        Path baseline = file("old.json",
                benchmark("org.adaptbench.jmh.retrieval.RetrievalBenchmark.search", "thrpt", "ops/s", 10_000, 1, "·gc.alloc.rate.norm", 512, false),
                benchmark("org.adaptbench.jmh.context.AssemblyBenchmark.assemble", "avgt", "us/op", 40, 2, "·gc.alloc.rate.norm", 2048, false));
        Path current = file("new.json",
                benchmark("org.adaptbench.jmh.retrieval.RetrievalBenchmark.search", "thrpt", "ops/s", 8_000, 3, "gc.alloc.rate.norm", 512, false),
                benchmark("org.adaptbench.jmh.context.AssemblyBenchmark.assemble", "avgt", "us/op", 48, 4, "gc.alloc.rate.norm", 4096, false));
        Comparison comparison = Compare.compare(baseline, current, 5);
        String search = "org.adaptbench.jmh.retrieval.RetrievalBenchmark.search{approach=memory,size=100}:thrpt";
        String assemble = "org.adaptbench.jmh.context.AssemblyBenchmark.assemble{approach=memory,size=100}:avgt";
        assertEquals(Change.REGRESSION, find(comparison, search).change(), ComparisonMarkdown.render(comparison));
        assertTrue(find(comparison, search).higherIsBetter());
        assertEquals(Change.REGRESSION, find(comparison, assemble).change());
        assertFalse(find(comparison, assemble).higherIsBetter());
        // the allocation metric is the same metric under both spellings: compared, not added and removed
        assertEquals(Change.NO_CLEAR_CHANGE, find(comparison, search + ":gc.alloc.rate.norm").change());
        assertEquals(Change.REGRESSION, find(comparison, assemble + ":gc.alloc.rate.norm").change());
        assertEquals(0, comparison.count(Change.ADDED) + comparison.count(Change.REMOVED));
        assertEquals(MeasurementSet.JMH, comparison.kind());
    }

    @Test
    void noiseSizedChangeIsNotARegressionAndNanErrorMeansNoInterval() throws Exception {
        Path baseline = file("a.json", benchmark("a.B.run", "avgt", "ns/op", 100, 1, "gc.alloc.rate.norm", 0, false),
                benchmark("a.B.once", "avgt", "ns/op", 100, 1, "gc.alloc.rate.norm", 0, true));
        Path current = file("b.json", benchmark("a.B.run", "avgt", "ns/op", 101, 2, "gc.alloc.rate.norm", 0, false),
                benchmark("a.B.once", "avgt", "ns/op", 130, 2, "gc.alloc.rate.norm", 0, true));
        Comparison comparison = Compare.compare(baseline, current, 5);
        assertFalse(comparison.hasRegression(), ComparisonMarkdown.render(comparison));
        MetricComparison once = find(comparison, "a.B.once{approach=memory,size=100}:avgt");
        assertEquals(Change.NO_CLEAR_CHANGE, once.change(), "one iteration, no interval: a 30% change cannot be told from noise");
        assertTrue(once.statistics().contains("cannot tell"), once.statistics());
    }

    @Test
    void configDifferencesAreWarnedAndBadFilesRefused() throws Exception {
        Path baseline = file("a.json", benchmark("a.B.run", "avgt", "ns/op", 100, 1, "gc.alloc.rate.norm", 0, false));
        Path current = file("b.json", benchmark("a.B.run", "avgt", "ns/op", 100, 1, "gc.alloc.rate.norm", 0, false)
                .replace("\"jdkVersion\": \"17.0.15\"", "\"jdkVersion\": \"21.0.2\""));
        Comparison comparison = Compare.compare(baseline, current, 5);
        assertEquals(1, comparison.warnings().size());
        assertTrue(comparison.warnings().get(0).contains("jdkVersion (17.0.15 → 21.0.2)"), comparison.warnings().get(0));
        Path broken = file("broken.json", "{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\"}");
        var failure = assertThrows(ResultsFormatException.class, () -> Compare.compare(broken, broken, 5));
        assertTrue(failure.getMessage().contains("[0].primaryMetric") && failure.getMessage().contains("missing"), failure.getMessage());
    }

    @Test
    void secondaryNamesLoseTheirOldPrefix() {
        assertEquals("gc.alloc.rate", JmhMeasurements.normalize("·gc.alloc.rate"));
        assertEquals("gc.alloc.rate", JmhMeasurements.normalize("gc.alloc.rate"));
        assertEquals("gc.alloc.rate", JmhMeasurements.normalize("Â·gc.alloc.rate"));
        assertTrue(JmhMeasurements.higherIsBetter("ops/ms"));
        assertFalse(JmhMeasurements.higherIsBetter("ms/op"));
        assertFalse(JmhMeasurements.higherIsBetter("MB/sec"));
    }

    private static MetricComparison find(Comparison comparison, String name) {
        return comparison.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + comparison.metrics().stream().map(MetricComparison::name).toList()));
    }
}
