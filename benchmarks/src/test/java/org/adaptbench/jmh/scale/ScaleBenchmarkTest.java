package org.adaptbench.jmh.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.MetricNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale benchmark's tiny configuration: the output's shape, the cache's bookkeeping and the cleanup, not its timings. */
class ScaleBenchmarkTest {

    @TempDir
    Path dir;

    private ScaleOptions.Builder tiny() {
        return ScaleOptions.builder().users(List.of(12, 120)).cacheSize(16).batchSize(8).requests(32).warmup(8).templates(4)
                .work(dir.resolve("work")).isolation(ScaleOptions.Isolation.IN_PROCESS);
    }

    @Test
    void aTinyRunWritesTheTableJsonAndChartsAndLeavesNoFiles() throws Exception {
        Path out = dir.resolve("out");
        ScaleReport report = ScaleBenchmark.run(tiny().build(), new HashingEmbedder(384), out, "test");

        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("scale.json")));
        assertEquals(4, json.get("cells").size(), "two arms at two N");
        for (JsonNode cell : json.get("cells")) {
            assertEquals(32, cell.get("requests").asInt());
            assertTrue(cell.get(MetricNames.THROUGHPUT_RPS).asDouble() > 0);
            assertTrue(cell.get(MetricNames.LATENCY_P99_MS).asDouble() >= cell.get(MetricNames.LATENCY_P50_MS).asDouble());
            assertTrue(cell.get(MetricNames.BYTES_PER_USER).asDouble() > 0);
        }
        assertEquals(2, json.get("projected").size());
        for (JsonNode projected : json.get("projected")) {
            assertTrue(projected.get("projected").asBoolean());
            assertEquals(ScaleReport.PROJECTED_USERS, projected.get("users").asInt());
        }
        // K = 16 holds all 12 users (the cache starts full), but only a fraction of 120
        List<CellResult> adapters = report.cells(ApproachNames.USER_LORA);
        assertEquals(1.0, adapters.get(0).hitRate());
        assertTrue(adapters.get(1).hitRate() < 0.6, "hit rate at N = 120 with K = 16: " + adapters.get(1).hitRate());
        assertTrue(Double.isNaN(report.cells(ApproachNames.MEMORY).get(0).hitRate()));
        // an adapter file per user: the same bytes per user at every N (template names differ by a digit)
        assertEquals(adapters.get(0).footprint().diskBytesPerUser(), adapters.get(1).footprint().diskBytesPerUser(), 8.0);

        String table = Files.readString(out.resolve("scale.md"));
        assertTrue(table.contains("| memory (projected) | 1,000,000 |"), table);
        assertTrue(table.contains("| user-lora | 120 |"), table);
        assertTrue(table.contains("memory: flat") && table.contains("user-lora: flat"), table);
        assertTrue(Files.size(out.resolve("scale-throughput-rps.png")) > 0 && Files.exists(out.resolve("scale-latency-p99-ms.svg")));
        assertTrue(Files.isDirectory(dir.resolve("work")));
        try (var left = Files.list(dir.resolve("work"))) {
            assertEquals(List.of(), left.toList(), "the work folder is emptied");
        }
    }

    @Test
    void aCellOverTheDiskBudgetStopsBeforeWritingAndCleansUp() {
        ScaleOptions options = tiny().users(List.of(120)).diskBudgetBytes(100_000).build();
        UsageException stopped = assertThrows(UsageException.class,
                () -> ScaleBenchmark.run(options, new HashingEmbedder(384), dir.resolve("out"), "test"));
        assertTrue(stopped.getMessage().contains("over the budget of 100,000 bytes"), stopped.getMessage());
        try (var left = Files.list(dir.resolve("work"))) {
            assertEquals(List.of(), left.toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertFalse(Files.exists(dir.resolve("out").resolve("scale.json")), "nothing half-written");
    }

    @Test
    void theFittedGrowthIsAPowerOfN() {
        CellResult.Footprint footprint = new CellResult.Footprint(1, 0, 1, 0);
        // cost per request doubling with every tenfold N: throughput halves
        List<CellResult> cells = List.of(
                new CellResult("a", 1_000, new CellResult.Serving(10, 800, 1, 1), footprint, 1.0),
                new CellResult("a", 10_000, new CellResult.Serving(10, 400, 2, 2), footprint, 0.1),
                new CellResult("a", 100_000, new CellResult.Serving(10, 200, 4, 4), footprint, 0.01));
        ScaleReport report = new ScaleReport(cells, tiny().build(), new ScaleReport.Setting("m", 0, 0, "c", "x", 5));
        assertEquals(100, report.projected("a", c -> c.serving().throughputRps()), 1e-6);
        assertEquals(0.001, report.projected("a", CellResult::hitRate), 1e-9);
        assertTrue(report.flatness("a").contains("up to N = 1,000; at N = 10,000 a request costs 2.00×"), report.flatness("a"));
    }
}
