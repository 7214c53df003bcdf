package org.adaptbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaptbench.cli.AdaptBench;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --seeds N}: one complete run per seed, and a summary that reports exactly what those runs measured. */
class SeedSweepTest {

    @TempDir
    Path dir;

    private List<String> subset() {
        return new ArrayList<>(List.of("run", "--suite", "smoke", "--dataset", "synthetic", "--scenarios", "granularity",
                "--approaches", "none,memory", "--set", "evaluation.users=3", "--set", "cache_dir=" + dir.resolve("cache"),
                "--seed", "7"));
    }

    private int run(List<String> arguments, String... more) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(List.of(more));
        return AdaptBench.execute(all.toArray(String[]::new));
    }

    @Test
    void eachSeedIsAWholeRunAndTheSummaryRepeatsItsFigures() {
        Path sweep = dir.resolve("sweep");
        assertEquals(0, run(subset(), "--seeds", "2", "--out", sweep.toString()));
        Results first = ResultsIo.read(sweep.resolve("seed-7"));
        Results second = ResultsIo.read(sweep.resolve("seed-8"));
        assertEquals(7, first.config().path("seed").asLong());
        assertEquals(8, second.config().path("seed").asLong());
        assertTrue(Files.exists(sweep.resolve("seed-8/report/index.html")));

        JsonNode summary = ResultsIo.readJson(sweep.resolve(SeedSweep.SUMMARY_JSON));
        assertEquals("[7,8]", summary.path("seeds").toString());
        int checked = 0;
        for (JsonNode figure : summary.path("figures")) {
            String scenario = figure.path("scenario").asText();
            String approach = figure.path("approach").asText();
            String metric = figure.path("metric").asText();
            assertEquals(first.metric(scenario, approach, metric).orElseThrow().value(), figure.path("values").get(0).asDouble(), 0);
            assertEquals(second.metric(scenario, approach, metric).orElseThrow().value(), figure.path("values").get(1).asDouble(), 0);
            checked++;
        }
        assertTrue(checked > 5, "figures summarized: " + checked);
        assertTrue(summary.path("claims").has("granularity"), summary.path("claims").toString());
        String markdown = readString(sweep.resolve(SeedSweep.SUMMARY_MARKDOWN));
        assertTrue(markdown.contains("| granularity | memory | accuracy |"), markdown);

        // resuming a finished sweep redoes nothing and summarizes the same figures
        String summaryBefore = readString(sweep.resolve(SeedSweep.SUMMARY_JSON));
        assertEquals(0, run(subset(), "--seeds", "2", "--out", sweep.toString(), "--resume"));
        assertEquals(summaryBefore, readString(sweep.resolve(SeedSweep.SUMMARY_JSON)));

        // a seed of the sweep is the run that seed gives alone
        Path alone = dir.resolve("alone");
        List<String> single = subset();
        single.set(single.indexOf("7"), "8");
        assertEquals(0, run(single, "--out", alone.toString()));
        MetricValue sweepMemory = second.metric("granularity", "memory", MetricNames.ACCURACY).orElseThrow();
        MetricValue aloneMemory = ResultsIo.read(alone).metric("granularity", "memory", MetricNames.ACCURACY).orElseThrow();
        assertEquals(sweepMemory, aloneMemory);
    }

    @Test
    void badSweepsAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path sweep = dir.resolve("refused");
        assertEquals(2, run(subset(), "--seeds", "1", "--out", sweep.toString()));
        assertEquals(2, run(subset(), "--seeds", "2", "--resume"));
        Files.createDirectories(sweep.resolve("seed-8"));
        Files.writeString(sweep.resolve("seed-8/run.json"), "{}");
        assertEquals(2, run(subset(), "--seeds", "2", "--out", sweep.toString()));
        assertFalse(Files.exists(sweep.resolve("seed-7")), "the first seed did not start");
    }

    @Test
    void spreadStatistics() {
        SeedSweep.Spread spread = new SeedSweep.Spread("granularity", "memory", MetricNames.ACCURACY, List.of(0.5, 0.6, 0.7),
                List.of(0.05, 0.05, 0.05));
        assertEquals(0.6, spread.mean(), 1e-12);
        assertEquals(0.5, spread.min(), 0);
        assertEquals(0.7, spread.max(), 0);
        assertEquals(0.1, spread.sd(), 1e-12);
        assertTrue(spread.exceedsRunIntervals());
        assertFalse(new SeedSweep.Spread("s", "a", "m", List.of(0.5, 0.52), List.of(0.1, 0.1)).exceedsRunIntervals());
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
