package org.adaptbench.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.stats.Bootstrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's statistics on real draws: request latencies from a right-skewed distribution, the
 * percentiles with bootstrap intervals and the samples written to samples.jsonl, as a run writes them.
 */
class LatencyNoiseTest {

    private static final int REQUESTS = 1000;
    private static final int REPEATS = 20;

    @TempDir
    Path dir;

    @Test
    void aTwentyPercentSlowdownIsFlaggedEveryTime() {
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            Comparison comparison = compare(repeat, 1.2);
            MetricComparison p50 = p50(comparison);
            assertEquals(Change.REGRESSION, p50.change(), () -> ComparisonMarkdown.render(comparison));
        }
    }

    @Test
    void aOnePercentChangeWithinNoiseIsIgnored() {
        int flagged = 0;
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            Comparison comparison = compare(repeat, 1.01);
            flagged += comparison.hasRegression() || comparison.count(Change.IMPROVEMENT) > 0 ? 1 : 0;
        }
        // fresh draws each side: a false alarm needs both a >5% move and p < 0.05, rare at n = 1000
        assertTrue(flagged <= 1, flagged + " of " + REPEATS + " noise-only comparisons were flagged");
    }

    private Comparison compare(int repeat, double factor) {
        Path baseline = run("baseline-" + repeat + "-" + factor, 1000 + repeat, 1.0);
        Path current = run("current-" + repeat + "-" + factor, 2000 + repeat, factor);
        return Compare.compare(baseline, current, 5, java.util.Optional.of(Gate.all())); // timing opted in: what is tested here
    }

    private static MetricComparison p50(Comparison comparison) {
        return comparison.metrics().stream().filter(m -> m.name().equals("latency/memory/latency_p50_ms")).findFirst().orElseThrow();
    }

    private Path run(String name, long seed, double factor) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] latencies = new double[REQUESTS];
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            latencies[i] = 12.0 * Math.exp(0.3 * gaussian) * factor;
            samples.add(new Sample("latency", "memory", "", "u" + (i % 50), "r" + i, true, 0, 0, latencies[i]));
        }
        Bootstrap bootstrap = new Bootstrap(seed, 200);
        Map<String, MetricValue> metrics = new TreeMap<>();
        metrics.put(MetricNames.LATENCY_P50_MS, bootstrap.quantile(latencies, 0.50, "ms", false));
        metrics.put(MetricNames.LATENCY_P95_MS, bootstrap.quantile(latencies, 0.95, "ms", false));
        metrics.put(MetricNames.LATENCY_P99_MS, bootstrap.quantile(latencies, 0.99, "ms", false));
        Results results = new Results(Results.CURRENT_SCHEMA_VERSION, name, JsonNodeFactory.instance.objectNode().put("seed", 1),
                "unknown", Map.of(), Map.of(), List.of(), Map.of("latency", Map.of("memory", metrics)), Map.of(), Map.of(), List.of());
        Path runDir = dir.resolve(name);
        ResultsIo.write(runDir, results);
        ResultsIo.writeSamples(runDir, samples);
        return runDir;
    }
}
