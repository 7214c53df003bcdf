package org.adaptbench.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adaptbench.reports.chart.RenderedChart;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.Series;

/**
 * The report as GitHub-flavoured Markdown, fit for a CI job summary: claims first, then one section
 * per scenario with tables and PNG charts, then the run's provenance folded away.
 */
final class MarkdownReport {

    private final StringBuilder out = new StringBuilder();

    private MarkdownReport() {
    }

    static String render(ReportModel model, String chartDir) {
        return new MarkdownReport().write(model, chartDir);
    }

    private String write(ReportModel model, String chartDir) {
        Results results = model.results();
        line("# AdaptBench report");
        line();
        line("Run `" + results.runId() + "` · git `" + results.gitSha() + "` · results schema " + results.schemaVersion()
                + " · every figure: value [95% CI] n");
        line();
        if (!model.notes().isEmpty()) {
            line("**Notes**");
            line();
            model.notes().forEach(note -> line("- " + inline(note)));
            line();
        }
        claims(model);
        line("## Scenarios");
        line();
        if (model.sections().isEmpty()) {
            line("This run measured no scenarios.");
            line();
        }
        for (ReportModel.Section section : model.sections()) {
            section(section, chartDir);
        }
        details(model);
        return out.toString();
    }

    private void claims(ReportModel model) {
        line("## Claims");
        line();
        for (Claim claim : model.contradicted()) {
            line("> " + Verdicts.symbol(claim.verdict()) + " **The measurements contradict the claim “" + inline(claim.statement())
                    + "”** (" + claim.id() + "): " + inline(claim.evidence()) + ".");
            line();
        }
        line("| claim | evidence | verdict |");
        line("|---|---|---|");
        for (Claim claim : model.claims()) {
            line("| **" + cell(claim.id()) + "**: " + cell(claim.statement()) + " | " + cell(claim.evidence()) + " | "
                    + Verdicts.symbol(claim.verdict()) + " " + Verdicts.label(claim.verdict()) + " |");
        }
        line();
        line("<details><summary>Rules behind the verdicts</summary>");
        line();
        for (Claim claim : model.claims()) {
            line("- **" + inline(claim.id()) + "**: " + inline(claim.rule()));
        }
        line();
        line("</details>");
        line();
    }

    private void section(ReportModel.Section section, String chartDir) {
        line("### " + inline(section.label()));
        line();
        for (ReportModel.MetricTable table : section.tables()) {
            metricTable(table);
        }
        for (RenderedChart chart : section.charts()) {
            line("![" + inline(chart.title()) + "](" + chartDir + "/" + chart.slug() + ".png)");
            line();
            line("*" + inline(chart.caption()) + "*");
            line();
        }
        for (Map.Entry<String, Series> entry : section.series().entrySet()) {
            seriesTable(entry.getKey(), SeriesTable.of(entry.getValue()));
        }
    }

    private void metricTable(ReportModel.MetricTable table) {
        List<String> header = new ArrayList<>();
        header.add("approach");
        for (String metric : table.metrics()) {
            String unit = Figures.unitSuffix(table.units().getOrDefault(metric, "")).trim();
            header.add(metric + (unit.isEmpty() ? "" : " (" + unit + ")"));
        }
        row(header);
        line("|---".repeat(header.size()) + "|");
        for (String approach : table.approaches()) {
            List<String> cells = new ArrayList<>();
            cells.add(approach);
            for (String metric : table.metrics()) {
                MetricValue value = table.values().get(approach).get(metric);
                cells.add(value == null ? "—" : Figures.cell(value));
            }
            row(cells);
        }
        line();
    }

    private void seriesTable(String name, SeriesTable table) {
        line("<details><summary>Data: " + html(name) + "</summary>");
        line();
        List<String> header = new ArrayList<>();
        header.add(table.xLabel());
        header.addAll(table.lines());
        row(header);
        line("|---".repeat(header.size()) + "|");
        table.rows().forEach(this::row);
        line();
        line("</details>");
        line();
    }

    private void details(ReportModel model) {
        Results results = model.results();
        line("## Run details");
        line();
        line("<details><summary>Config, seeds, versions and dataset hashes</summary>");
        line();
        line("| field | value |");
        line("|---|---|");
        line("| run id | " + cell(results.runId()) + " |");
        line("| git sha | " + cell(results.gitSha()) + " |");
        line("| schema version | " + results.schemaVersion() + " |");
        model.seeds().forEach((path, seed) -> line("| seed `" + cell(path) + "` | " + cell(seed) + " |"));
        results.datasetHashes().forEach((name, hash) -> line("| dataset `" + cell(name) + "` | `" + cell(hash) + "` |"));
        results.environment().forEach((name, value) -> line("| " + cell(name) + " | " + cell(value) + " |"));
        line();
        line("```json");
        line(model.configJson());
        line("```");
        line();
        line("</details>");
    }

    private void row(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell(cell)).append(" |");
        }
        line(row.toString());
    }

    /** Table cell text: pipes escaped, line breaks flattened. */
    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** Running text: no line breaks, no raw HTML. */
    private static String inline(String text) {
        return text.replace("\r", " ").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String html(String text) {
        return Html.escape(text);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
