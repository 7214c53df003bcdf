package org.adaptbench.reports.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsIoTest {

    @TempDir
    Path dir;

    static Results sample() {
        var metrics = new TreeMap<String, MetricValue>(Map.of(
                MetricNames.ACCURACY, new MetricValue(0.8, 0.7, 0.9, 40, "fraction", true),
                MetricNames.LATENCY_P50_MS, MetricValue.exact(1.5, 400, "ms", false)));
        var scenarios = new TreeMap<String, Map<String, Map<String, MetricValue>>>();
        scenarios.put("granularity", Map.<String, Map<String, MetricValue>>of("memory", metrics));
        var config = JsonNodeFactory.instance.objectNode().put("seed", 7);
        ClaimFigure deciding = ClaimFigure.comparison("memory − global-lora", "memory", "global-lora", MetricNames.ACCURACY, Units.FRACTION,
                0.3, 0.2, 0.4, 40).withDistinctItems(12L);
        Claim claim = new Claim("granularity", "s", "e", "r", Verdict.SUPPORTED).withBasis(new ClaimBasis(deciding, "apart",
                List.of(deciding, ClaimFigure.of("memory", "memory", MetricNames.ACCURACY, metrics.get(MetricNames.ACCURACY)))));
        return new Results(Results.CURRENT_SCHEMA_VERSION, "run-1", config, "abc", new TreeMap<>(Map.of("synthetic", "ff")),
                new TreeMap<>(Map.of("java", "17")), List.of(claim, new Claim("cost", "s", "e", "r", Verdict.NOT_MEASURED)), scenarios, Map.of(), Map.of(), List.of("a note"));
    }

    @Test
    void roundTripKeepsEveryFieldAndIsByteStable() throws Exception {
        Results results = sample();
        ResultsIo.write(dir, results);
        byte[] first = Files.readAllBytes(dir.resolve(ResultsIo.RESULTS_FILE));
        Results back = ResultsIo.read(dir);
        assertEquals(results, back);
        ResultsIo.write(dir, back);
        assertArrayEquals(first, Files.readAllBytes(dir.resolve(ResultsIo.RESULTS_FILE)));
        String json = new String(first, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"higher_is_better\""), json);
        assertTrue(json.contains("\"schema_version\" : 1"), json);
    }

    @Test
    void otherSchemaVersionIsRefusedByName() throws Exception {
        Files.writeString(dir.resolve(ResultsIo.RESULTS_FILE), "{\"schema_version\": 99}");
        var failure = assertThrows(ResultsFormatException.class, () -> ResultsIo.read(dir));
        assertTrue(failure.getMessage().contains("schema_version"), failure.getMessage());
    }

    @Test
    void nonFiniteMetricIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MetricValue(Double.NaN, 0, 1, 3, "ms", false));
    }

    @Test
    void samplesRoundTrip() {
        var samples = List.of(new Sample("granularity", "memory", "", "u1", "q1", true, 2, 31, 1.25));
        ResultsIo.writeSamples(dir, samples);
        assertEquals(samples, ResultsIo.readSamples(dir));
    }
}
