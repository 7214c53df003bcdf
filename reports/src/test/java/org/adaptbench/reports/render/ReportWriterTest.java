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
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adaptbench.reports.compare.Compare;
import org.adaptbench.reports.compare.Comparison;
import org.adaptbench.reports.compare.ComparisonMarkdown;
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
    void fixtureReportLeadsWithTheVerdictBoardHasEveryChartAndIsByteStable() throws IOException {
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
        List<String> headline = List.of("headline-accuracy", "headline-accuracy-vs-tokens", "headline-time-to-adapt", "headline-cost");
        for (String slug : headline) {
            assertTrue(html.contains("id='chart-" + slug + "'"), slug + " not inlined");
            assertTrue(markdown.contains("charts/" + slug + ".png"), slug + " not linked from the Markdown");
        }
        for (String slug : List.of("distribution-granularity-per_user_accuracy", "series-adaptation-accuracy_after_change",
                "series-context-length-accuracy_vs_turns", "series-context-length-tokens_vs_turns", "metrics-reversibility-revert",
                "metrics-latency-percentiles", "series-data-size-accuracy_vs_events", "metrics-cost-per_user")) {
            assertTrue(html.contains("id='chart-" + slug + "'"), slug + " not inlined");
            assertFalse(markdown.contains("charts/" + slug + ".png"), slug + ": details go to the HTML");
            assertTrue(Files.size(dir.resolve("first/charts/" + slug + ".png")) > 10_000, slug + " PNG is trivial");
        }
        // the answer first: the verdict board before anything else, one row per claim, and no notes above it
        int board = html.indexOf("<section id=\"verdicts\"");
        assertTrue(board > 0 && board < html.indexOf("<section id=\"headline\""), "the board comes first");
        assertFalse(html.substring(0, board).contains("class=\"notes"), "no notes above the board");
        List<String> claims = List.of("granularity", "adaptation_speed", "cost", "reversibility", "combined_best", "when_fine_tuning",
                "when_memory");
        assertEquals(claims.size(), count(html, "<tr class=\"claim-row"), "one board row per claim");
        for (String claim : claims) {
            assertTrue(html.contains("<strong>" + claim + "</strong>"), claim);
            assertTrue(markdown.contains("**" + claim + "**: "), claim);
        }
        assertTrue(html.contains("memory − user-lora on minority answers: <b>+"), "the deciding comparison, signed, on the board");
        List<String> lines = markdown.lines().toList();
        assertTrue(lines.size() <= 150, "report.md stays short: " + lines.size() + " lines");
        assertEquals("## Verdicts", lines.get(4), "report.md leads with the verdict board: " + lines.subList(0, 6));
        assertTrue(markdown.indexOf("## Headline") < markdown.indexOf("## Claims"), "then the headline table");
        assertTrue(markdown.contains("| approach | accuracy · synthetic ↑ | accuracy · prefeval ↑ |"), markdown);
        // notes sit with their scenario, folded; a metric that is 0 for everyone on PrefEval is said once, not tabled
        String prefeval = between(html, "<section id=\"scenario-granularity-prefeval\">", "</section>");
        assertTrue(prefeval.contains("<details class=\"notes\"><summary>Notes on granularity (prefeval) (1)</summary>"), prefeval);
        assertTrue(prefeval.contains("Not shown: accuracy_p10_user, accuracy_worst_group"), prefeval);
        assertFalse(prefeval.contains("<th>accuracy_p10_user"), "the degenerate column is gone");
        assertTrue(prefeval.contains("single query"), "the box plot that could not inform is said, not drawn");
        for (String external : List.of("src=", "href=\"http", "href='http", "<link", "@import", "<script")) {
            assertFalse(html.contains(external), "the page must be self-contained but has " + external);
        }
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "only same-document url(#id) references");
        assertTrue(html.contains("<details><summary>Config, seeds, versions and dataset hashes</summary>"));
        assertTrue(markdown.contains("FIXTURE DATA"), "fixture note shown");
    }

    @Test
    void aComparisonWithTheBaselineIsASectionOfTheReport() throws IOException {
        Path baseline = FixtureRun.generate().writeTo(dir.resolve("baseline"));
        FixtureRun slower = FixtureRun.generate(FixtureRun.Options.standard().withLatency("memory", 1.2, 99));
        Path current = slower.writeTo(dir.resolve("current"));
        // timing is gated only when asked (--gate all): the same machine, one process
        Comparison comparison = Compare.compare(baseline, current, 5, Optional.of(org.adaptbench.reports.compare.Gate.all()));
        ReportWriter.ReportFiles files = ReportWriter.write(slower.results(), Optional.of(comparison), dir.resolve("report"));
        String html = Files.readString(files.html());
        String section = between(html, "<section id=\"comparison\">", "</section>");
        assertTrue(section.contains(ComparisonMarkdown.summary(comparison)), section);
        assertTrue(section.contains("<code>latency/memory/latency_p50_ms</code>"), section);
        assertTrue(section.contains("<td class=\"regression\">regression</td>"), section);
        assertTrue(html.indexOf("<section id=\"comparison\">") < html.indexOf("<section id=\"claims\">"), "what moved comes early: "
                + html.indexOf("<section id=\"comparison\">") + " " + html.indexOf("<section id=\"claims\">"));
        String markdown = Files.readString(files.markdown());
        assertTrue(markdown.contains("## Against the baseline"), markdown);
        assertTrue(markdown.contains("`latency/memory/latency_p50_ms`"), markdown);
        assertFalse(Files.readString(ReportWriter.write(slower.results(), dir.resolve("plain")).html()).contains("id=\"comparison\""));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "no " + start);
        return text.substring(from, text.indexOf(end, from));
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
                "memory", Map.of(MetricNames.ACCURACY_MINORITY, new MetricValue(0.40, 0.38, 0.42, 30, "fraction", true),
                        MetricNames.minus(MetricNames.ACCURACY_MINORITY, "global-lora"),
                        new MetricValue(-0.20, -0.24, -0.16, 30, "fraction", true, 0, "bootstrap", 0.001)),
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
