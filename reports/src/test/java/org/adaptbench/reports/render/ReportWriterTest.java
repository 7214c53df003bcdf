package org.adaptbench.reports.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adaptbench.reports.fixture.FixtureRun;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @TempDir
    Path dir;

    @Test
    void fixtureReportHasEveryChartAndTheClaimsTableAndIsByteStable() throws IOException {
        Path run = FixtureRun.generate().writeTo(dir.resolve("run"));
        // a copy for people to look at, and for the screenshot test
        ReportWriter.write(run, Path.of("target", "fixture-report"));
        ReportWriter.ReportFiles first = ReportWriter.write(run, dir.resolve("first"));
        ReportWriter.ReportFiles second = ReportWriter.write(run, dir.resolve("second"));
        assertEquals(relative(dir.resolve("first")), relative(dir.resolve("second")));
        for (Path file : relative(dir.resolve("first"))) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("first").resolve(file)), Files.readAllBytes(dir.resolve("second").resolve(file)),
                    () -> file + " differs between two renders of the same results");
        }
        String html = Files.readString(first.html(), StandardCharsets.UTF_8);
        String markdown = Files.readString(first.markdown(), StandardCharsets.UTF_8);
        for (String slug : List.of("distribution-granularity-per_user_accuracy", "series-adaptation-accuracy_after_change",
                "series-context-length-accuracy_vs_turns", "series-context-length-tokens_vs_turns", "metrics-reversibility-revert",
                "series-cost-cost_vs_requests_llama-3-8b", "metrics-latency-percentiles", "series-data-size-accuracy_vs_events")) {
            assertTrue(html.contains("id='chart-" + slug + "'"), slug + " not inlined");
            assertTrue(markdown.contains("charts/" + slug + ".png"), slug + " not linked");
            assertTrue(Files.size(dir.resolve("first/charts/" + slug + ".png")) > 10_000, slug + " PNG is trivial");
        }
        for (String claim : List.of("granularity", "adaptation_speed", "cost", "reversibility", "combined_best")) {
            assertTrue(html.contains("<strong>" + claim + "</strong>"), claim);
            assertTrue(markdown.contains("| **" + claim + "**"), claim);
        }
        for (String external : List.of("src=", "href=\"http", "href='http", "<link", "@import", "<script")) {
            assertFalse(html.contains(external), "the page must be self-contained but has " + external);
        }
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "only same-document url(#id) references");
        assertTrue(html.contains("<details><summary>Config, seeds, versions and dataset hashes</summary>"));
        assertTrue(markdown.contains("FIXTURE DATA"), "fixture note shown");
    }

    @Test
    void emptyResultsStillMakeAReportAndStaleChartsAreRemoved() throws IOException {
        Path out = dir.resolve("report");
        ReportWriter.write(FixtureRun.generate().results(), out);
        Path stale = out.resolve("charts/metrics-latency-percentiles.png");
        assertTrue(Files.exists(stale));
        Files.writeString(out.resolve("charts/notes.txt"), "not ours to delete");
        Results empty = new Results(Results.CURRENT_SCHEMA_VERSION, "empty", JsonNodeFactory.instance.objectNode(), "unknown",
                Map.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), List.of());
        ReportWriter.ReportFiles files = ReportWriter.write(empty, out);
        assertTrue(files.charts().isEmpty());
        assertFalse(Files.exists(stale), "a chart the new report does not draw is removed");
        assertTrue(Files.exists(out.resolve("charts/notes.txt")));
        String markdown = Files.readString(files.markdown());
        assertTrue(markdown.contains("This run measured no scenarios."), markdown);
        assertTrue(markdown.contains("➖ not measured"), markdown);
        assertTrue(Files.readString(files.html()).contains("This run measured no scenarios."));
    }

    @Test
    void contradictedClaimsAreSaidPlainly() throws IOException {
        var scenarios = Map.of("granularity", Map.of(
                "memory", Map.of(MetricNames.ACCURACY_MINORITY, new MetricValue(0.40, 0.38, 0.42, 30, "fraction", true)),
                "global-lora", Map.of(MetricNames.ACCURACY_MINORITY, new MetricValue(0.60, 0.58, 0.62, 30, "fraction", true))));
        Results results = new Results(Results.CURRENT_SCHEMA_VERSION, "c", JsonNodeFactory.instance.objectNode().put("seed", 3), "unknown",
                Map.of(), Map.of(), List.of(), scenarios, Map.of(), Map.of(), List.of());
        ReportWriter.ReportFiles files = ReportWriter.write(results, dir.resolve("c"));
        String markdown = Files.readString(files.markdown());
        assertTrue(markdown.contains("**The measurements contradict the claim “Memory personalizes per user"), markdown);
        assertTrue(markdown.contains("| seed `seed` | 3 |"), "seeds listed: " + markdown);
        String html = Files.readString(files.html());
        assertTrue(html.contains("<div class=\"contradiction\"><strong>The measurements contradict the claim"), html);
        assertTrue(html.contains("v-contradicted"));
    }

    private static List<Path> relative(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
