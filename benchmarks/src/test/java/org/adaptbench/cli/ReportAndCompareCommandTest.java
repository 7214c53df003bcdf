package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAndCompareCommandTest {

    @TempDir
    Path dir;

    /** A small run: memory's p50 latency and accuracy, with the given p50 interval. */
    private Path runDir(String name, double p50, double low, double high) {
        var scenarios = Map.of(
                "latency", Map.of("memory", Map.of(MetricNames.LATENCY_P50_MS, new MetricValue(p50, low, high, 200, "ms", false))),
                "granularity", Map.of(
                        "memory", Map.of(MetricNames.ACCURACY, new MetricValue(0.84, 0.80, 0.88, 48, "fraction", true),
                                MetricNames.ACCURACY_WORST_GROUP, new MetricValue(0.80, 0.72, 0.88, 10, "fraction", true)),
                        "global-lora", Map.of(MetricNames.ACCURACY_WORST_GROUP, new MetricValue(0.25, 0.17, 0.33, 10, "fraction", true))));
        Results results = new Results(Results.CURRENT_SCHEMA_VERSION, name, JsonNodeFactory.instance.objectNode().put("seed", 7),
                "unknown", Map.of(), Map.of(), List.of(), scenarios, Map.of(), Map.of(), List.of("test data, not a measurement"));
        Path path = dir.resolve(name);
        ResultsIo.write(path, results);
        return path;
    }

    @Test
    void reportWritesMarkdownHtmlAndChartsIntoTheRunDirectoryByDefault() throws Exception {
        Path run = runDir("run", 10, 9.5, 10.5);
        CliRun outcome = CliRun.of("report", run.toString());
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertTrue(Files.isRegularFile(run.resolve("report/index.html")));
        String markdown = Files.readString(run.resolve("report/report.md"));
        assertTrue(markdown.contains("**granularity**: ") && markdown.contains("## Verdicts"), markdown);
        assertTrue(Files.isRegularFile(run.resolve("report/charts/metrics-latency-percentiles.svg")));
        assertTrue(outcome.out().contains("index.html"), outcome.out());

        CliRun elsewhere = CliRun.of("report", run.resolve("results.json").toString(), "--out", dir.resolve("elsewhere").toString());
        assertEquals(ExitCode.OK, elsewhere.exitCode(), elsewhere.err());
        assertTrue(Files.isRegularFile(dir.resolve("elsewhere/report.md")));
    }

    @Test
    void reportAgainstABaselineShowsWhatMovedAndStillExitsZero() throws Exception {
        Path baseline = runDir("baseline", 10, 9.5, 10.5);
        Path slower = runDir("slower", 12, 11.5, 12.5);
        // a latency figure: timing is gated only when asked
        CliRun report = CliRun.of("report", slower.toString(), "--compare", baseline.toString(), "--gate", "all");
        assertEquals(ExitCode.OK, report.exitCode(), report.err());
        assertTrue(report.out().contains("1 regression(s)"), report.out());
        String html = Files.readString(slower.resolve("report/index.html"));
        assertTrue(html.contains("<section id=\"comparison\">") && html.contains("<code>latency/memory/latency_p50_ms</code>"), html);
        assertTrue(html.contains("<td class=\"regression\">regression</td>"), "the regression is marked");
        CliRun missing = CliRun.of("report", slower.toString(), "--compare", dir.resolve("nowhere").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("nowhere"), missing.err());
    }

    @Test
    void reportOfBadInputIsExitTwoWithTheFileNamed() throws Exception {
        CliRun missing = CliRun.of("report", dir.resolve("nowhere").toString());
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertTrue(missing.err().contains("nowhere"), missing.err());
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("results.json"), "{\"schema_version\": 99, \"run_id\": \"x\", \"scenarios\": {}}");
        CliRun newer = CliRun.of("report", bad.toString());
        assertEquals(ExitCode.BAD_INPUT, newer.exitCode());
        assertTrue(newer.err().contains("results.json") && newer.err().contains("schema_version"), newer.err());
    }

    @Test
    void compareExitsThreeOnARegressionAndZeroOtherwise() throws Exception {
        Path baseline = runDir("baseline", 10, 9.5, 10.5);
        Path slower = runDir("slower", 12, 11.5, 12.5);
        Path same = runDir("same", 10.1, 9.6, 10.6);

        // wall-clock figures are shown but not gated unless asked (issue 15, item 11)
        CliRun ungated = CliRun.of("compare", baseline.toString(), slower.toString());
        assertEquals(ExitCode.OK, ungated.exitCode(), ungated.out());
        assertTrue(ungated.out().contains("⚪ not gated (worse)"), ungated.out());

        CliRun regression = CliRun.of("compare", baseline.toString(), slower.toString(), "--gate", "all");
        assertEquals(ExitCode.REGRESSION, regression.exitCode(), regression.err());
        assertTrue(regression.out().contains("| latency/memory/latency_p50_ms | ms | lower |"), regression.out());
        assertTrue(regression.out().contains("❌ regression"), regression.out());

        CliRun noise = CliRun.of("compare", baseline.toString(), same.toString(), "--gate", "all");
        assertEquals(ExitCode.OK, noise.exitCode(), noise.out());

        CliRun loose = CliRun.of("compare", baseline.toString(), slower.toString(), "--threshold", "25", "--gate", "timing");
        assertEquals(ExitCode.OK, loose.exitCode(), "a 20% change is within a 25% threshold: " + loose.out());

        Path table = dir.resolve("out/compare.md");
        Path json = dir.resolve("out/bench.json");
        CliRun files = CliRun.of("compare", baseline.toString(), slower.toString(), "--out", table.toString(), "--json", json.toString(),
                "--gate", "all");
        assertEquals(ExitCode.REGRESSION, files.exitCode());
        assertEquals(regression.out(), Files.readString(table), "the same table on stdout and in the file");
        assertTrue(Files.readString(dir.resolve("out/bench-smaller-is-better.json")).contains("latency/memory/latency_p50_ms"));
        assertTrue(Files.readString(dir.resolve("out/bench-bigger-is-better.json")).contains("granularity/memory/accuracy"));
    }

    @Test
    void compareOfBadInputIsExitTwo() throws Exception {
        Path baseline = runDir("baseline", 10, 9.5, 10.5);
        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{\"schema_version\": 1, \"run_id\": \"x\", \"scen");
        CliRun broken = CliRun.of("compare", baseline.toString(), truncated.toString());
        assertEquals(ExitCode.BAD_INPUT, broken.exitCode());
        assertTrue(broken.err().contains("truncated.json") && broken.err().contains("not valid JSON"), broken.err());
        assertEquals(ExitCode.BAD_INPUT, CliRun.of("compare", baseline.toString(), baseline.toString(), "--threshold", "-1").exitCode());
        CliRun gate = CliRun.of("compare", baseline.toString(), baseline.toString(), "--gate", "accuracy,speed");
        assertOneLine(gate, "--gate accuracy,speed: unknown class 'speed'");
    }

    /** Exit 2, one line that names what is wrong, no stack trace. */
    private static void assertOneLine(CliRun run, String expected) {
        run.assertRefusedInOneLine(expected);
    }

    /** Issue 15, item 10: outputs that cannot be written, and inputs that must not be read whole. */
    @Test
    void unusableOutputsAndInputsAreExitTwoWithThePathNamed() throws Exception {
        Path run = runDir("run", 10, 9.5, 10.5);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertOneLine(CliRun.of("report", run.toString(), "--out", file.toString()), "--out " + file + ": is a file, not a folder");
        assertOneLine(CliRun.of("compare", run.toString(), run.toString(), "--out", dir.toString()), "--out " + dir + ": is a folder");
        try (HostileFiles hostile = new HostileFiles()) {
            Path locked = hostile.unwritableFolder(dir.resolve("read-only"));
            assertOneLine(CliRun.of("report", run.toString(), "--out", locked.resolve("report").toString()), "cannot create the folder");
            assertOneLine(CliRun.of("compare", run.toString(), run.toString(), "--out", locked.resolve("compare.md").toString()),
                    "cannot write into the folder " + locked);
        }
        // a 3 GiB results.json (sparse) is refused by its size, not read into memory
        Path huge = dir.resolve("huge");
        Files.createDirectories(huge);
        try (var results = new java.io.RandomAccessFile(huge.resolve("results.json").toFile(), "rw")) {
            results.setLength(3L << 30);
        }
        assertOneLine(CliRun.of("report", huge.toString()), "a results or JMH file may have; refused without reading it");
        // samples.jsonl that is not UTF-8: compare names the file and the line
        Path latin = runDir("latin", 10, 9.5, 10.5);
        Files.write(latin.resolve("samples.jsonl"), ("{\"scenario\":\"latency\",\"approach\":\"memory\",\"variant\":\"\","
                + "\"user_id\":\"caf\u00e9\",\"query_id\":\"q\",\"correct\":true,\"chosen\":0,\"tokens_added\":0,\"latency_ms\":1.0}\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertOneLine(CliRun.of("compare", run.toString(), latin.toString()), latin.resolve("samples.jsonl") + ": line 1: not UTF-8 text");
    }
}
