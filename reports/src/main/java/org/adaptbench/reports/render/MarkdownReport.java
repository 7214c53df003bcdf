package org.adaptbench.reports.render;

import java.util.ArrayList;
import java.util.List;
import org.adaptbench.reports.chart.RenderedChart;
import org.adaptbench.reports.compare.ComparisonMarkdown;
import org.adaptbench.reports.compare.MetricComparison;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.Results;

/**
 * The report as GitHub-flavoured Markdown, fit for a CI job summary and short: the run in one line,
 * the verdict board, the headline table and charts, what moved against a baseline, the claims'
 * evidence as rows; per-scenario tables, every chart and the notes are in {@code index.html}.
 */
final class MarkdownReport {

    /** Rows of a baseline comparison shown here at most; the HTML page has every row. */
    static final int MAX_MOVED_ROWS = 15;

    private final StringBuilder out = new StringBuilder();

    private MarkdownReport() {
    }

    static String render(ReportModel model, String chartDir) {
        return new MarkdownReport().write(model, chartDir);
    }

    private String write(ReportModel model, String chartDir) {
        line("# AdaptBench report");
        line();
        line(inline(model.identity()));
        line();
        board(model);
        headline(model, chartDir);
        model.comparison().ifPresent(this::comparison);
        claims(model);
        line("## Scenarios");
        line();
        if (model.sections().isEmpty()) {
            line("This run measured no scenarios.");
        } else {
            List<String> labels = model.sections().stream().map(ReportModel.Section::label).toList();
            line("Tables, every chart and the notes of each scenario are in `index.html`: " + inline(String.join(", ", labels)) + ".");
        }
        line();
        runNotes(model);
        details(model);
        return out.toString();
    }

    private void board(ReportModel model) {
        line("## Verdicts");
        line();
        for (ReportModel.BoardRow row : model.contradicted()) {
            line("> " + Verdicts.symbol(row.verdict()) + " **The measurements contradict the claim “" + inline(row.statement())
                    + "”** (" + row.id() + "): " + inline(row.why()) + ".");
            line();
        }
        line("| verdict | claim | deciding comparison [95% CI] | against | why |");
        line("|---|---|---|---|---|");
        for (ReportModel.BoardRow row : model.board()) {
            line("| " + Verdicts.symbol(row.verdict()) + " " + Verdicts.label(row.verdict()) + " | **" + cell(row.id()) + "**: "
                    + cell(row.headline()) + " | " + cell(row.deciding()) + (row.figure().isEmpty() ? "" : ": **" + cell(row.figure()) + "**")
                    + " | " + cell(row.opponent().isEmpty() ? "—" : row.opponent()) + " | " + cell(row.why()) + " |");
        }
        line();
    }

    private void headline(ReportModel model, String chartDir) {
        ReportModel.HeadlineTable table = model.headline();
        if (table.isEmpty() && model.headlineCharts().isEmpty()) {
            return;
        }
        line("## Headline");
        line();
        if (!table.isEmpty()) {
            List<String> header = new ArrayList<>();
            header.add("approach");
            table.columns().forEach(c -> header.add(c.label() + (c.higherIsBetter() ? " ↑" : " ↓")));
            row(header);
            line("|---".repeat(header.size()) + "|");
            for (String approach : table.approaches()) {
                List<String> cells = new ArrayList<>();
                cells.add(approach);
                table.columns().forEach(c -> cells.add(table.cell(approach, c).map(Figures::compact).orElse("—")));
                row(cells);
            }
            line();
            if (!table.controls().isEmpty()) {
                line("Controls: " + inline(String.join(" · ", table.controls())) + ". ↑ higher is better, ↓ lower is better.");
                line();
            }
        }
        for (RenderedChart chart : model.headlineCharts()) {
            line("![" + inline(chart.title()) + "](" + chartDir + "/" + chart.slug() + ".png)");
            line();
        }
    }

    private void comparison(ReportModel.ComparisonView view) {
        line("## Against the baseline");
        line();
        line("Baseline `" + view.comparison().baseline() + "`: **" + inline(view.summary()) + "**. " + inline(ComparisonMarkdown.rule(view.comparison())));
        line();
        if (!view.moved().isEmpty()) {
            line("| metric | baseline | current | change | verdict |");
            line("|---|---|---|---|---|");
            for (MetricComparison m : view.moved().stream().limit(MAX_MOVED_ROWS).toList()) {
                line("| `" + cell(m.name()) + "` | " + cell(ComparisonMarkdown.figure(m, false)) + " | " + cell(ComparisonMarkdown.figure(m, true))
                        + " | " + (m.relativeChange().isPresent() ? Figures.percent(m.relativeChange().getAsDouble()) : "—") + " | "
                        + ComparisonMarkdown.label(m.change()) + " |");
            }
            if (view.moved().size() > MAX_MOVED_ROWS) {
                line();
                line((view.moved().size() - MAX_MOVED_ROWS) + " more in `index.html`.");
            }
            line();
        }
    }

    private void claims(ReportModel model) {
        line("## Claims: the comparisons behind the verdicts");
        line();
        line("| claim | comparison | estimate [95% CI] | p | n | distinct items |");
        line("|---|---|---|---|---|---|");
        for (ReportModel.ClaimEvidence claim : model.evidence()) {
            if (claim.comparisons().isEmpty()) {
                ReportModel.BoardRow row = model.board().stream().filter(r -> r.id().equals(claim.id())).findFirst().orElseThrow();
                line("| " + cell(claim.id()) + " | " + cell(row.deciding()) + " | " + (row.figure().isEmpty() ? "—" : cell(row.figure()))
                        + " | — | — | — |");
                continue;
            }
            boolean first = true;
            for (ClaimFigure figure : claim.comparisons()) {
                line("| " + (first ? cell(claim.id()) : "") + " | " + cell(figure.label()) + " | " + cell(Figures.figure(figure)) + " | "
                        + (figure.pValue() == null ? "—" : Figures.pValue(figure.pValue())) + " | " + Figures.count(figure.n()) + " | " + (figure.items().isPresent() ? Figures.count(figure.items().getAsLong()) : "—") + " |");
                first = false;
            }
        }
        line();
        line("Every figure each rule read, per approach, is in `index.html`.");
        line();
        line("<details><summary>Rules behind the verdicts</summary>");
        line();
        for (ReportModel.ClaimEvidence claim : model.evidence()) {
            line("- **" + inline(claim.id()) + "**: " + inline(claim.rule()));
        }
        line();
        line("</details>");
        line();
    }

    private void runNotes(ReportModel model) {
        if (model.runNotes().isEmpty()) {
            return;
        }
        line("<details><summary>Notes on the whole run (" + model.runNotes().size() + ")</summary>");
        line();
        model.runNotes().forEach(note -> line("- " + inline(note)));
        line();
        line("</details>");
        line();
    }

    private void details(ReportModel model) {
        Results results = model.results();
        line("<details><summary>Run details: seeds, versions and dataset hashes (config in index.html)</summary>");
        line();
        line("| field | value |");
        line("|---|---|");
        line("| run id | " + cell(results.runId()) + " |");
        line("| git sha | " + cell(results.gitSha()) + " |");
        line("| schema version | " + results.schemaVersion() + " |");
        model.details().seeds().forEach((path, seed) -> line("| seed `" + cell(path) + "` | " + cell(seed) + " |"));
        results.datasetHashes().forEach((name, hash) -> line("| dataset `" + cell(name) + "` | `" + cell(hash) + "` |"));
        results.environment().forEach((name, value) -> line("| " + cell(name) + " | " + cell(value) + " |"));
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

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
