package org.adaptbench.reports.render;

import static org.adaptbench.reports.render.Html.escape;

import java.util.List;
import java.util.Map;
import org.adaptbench.reports.chart.ChartSpec;
import org.adaptbench.reports.chart.RenderedChart;
import org.adaptbench.reports.compare.ComparisonMarkdown;
import org.adaptbench.reports.compare.MetricComparison;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.Series;

/**
 * The report as one self-contained HTML page: styles inline, charts inlined as SVG, no scripts and
 * no external assets, so it reads the same offline, in a CI artifact or from a mail attachment.
 *
 * <p>The first screen holds the answer: the run in one line and the verdict board, one row per claim
 * with the comparison that decided it. Headline table and charts follow, then the claims' evidence,
 * then one section per scenario with its notes folded beside its table.
 */
final class HtmlReport {

    /** The verdict board's element id, which the browser test looks for. */
    static final String BOARD_ID = "verdicts";

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f6f7f9; color: #1d2430; font: 15px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
            main { max-width: 1180px; margin: 0 auto; padding: 14px 28px 48px; background: #fff; }
            h1 { font-size: 22px; margin: 0; display: inline; }
            header.top { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 14px; margin-bottom: 10px; }
            .identity { color: #4a5463; font-size: 13px; margin: 0; }
            h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #e3e6ea; }
            h3 { font-size: 16px; margin: 20px 0 8px; }
            code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
            nav { background: #f0f3f7; border-radius: 6px; padding: 6px 12px; margin: 10px 0 4px; font-size: 13.5px; }
            nav a { margin-right: 12px; white-space: nowrap; color: #1a5fb4; text-decoration: none; }
            .table-wrap { overflow-x: auto; margin: 8px 0 14px; }
            table { border-collapse: collapse; font-size: 13.5px; }
            th, td { border: 1px solid #dde1e6; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f0f3f7; font-weight: 600; }
            td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.board { width: 100%; font-size: 13.5px; }
            table.board td { padding: 5px 8px; vertical-align: middle; }
            table.headline td:first-child { white-space: nowrap; }
            table.board td.v { width: 118px; white-space: nowrap; }
            table.board td.claim { width: 27%; }
            table.board td.claim small { display: block; color: #5b6573; font-size: 12px; line-height: 1.3; }
            table.board td.deciding b { font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.board td.why { color: #3d4654; font-size: 12.5px; width: 25%; }
            tr.row-contradicted td { background: #fff5f4; }
            .verdict { display: inline-block; padding: 2px 9px; border-radius: 12px; font-weight: 600; font-size: 13px; }
            .v-supported { background: #e3f4e5; color: #1b5e20; }
            .v-contradicted { background: #fdecea; color: #b71c1c; }
            .v-mixed { background: #fff4d6; color: #7a5300; }
            .v-not-measured { background: #eceff1; color: #455a64; }
            .foot { color: #5b6573; font-size: 12.5px; margin: 4px 0 0; }
            .controls { color: #4a5463; font-size: 13px; margin: 0 0 10px; }
            .omitted { color: #5b6573; font-size: 13px; margin: 4px 0; padding-left: 10px; border-left: 3px solid #dde1e6; }
            .rule { color: #5b6573; font-size: 12.5px; margin: 4px 0 8px; }
            .contradiction { background: #fdecea; border-left: 4px solid #c62828; padding: 8px 14px; margin: 10px 0; }
            .regression { color: #b71c1c; font-weight: 600; }
            .improvement { color: #1b5e20; font-weight: 600; }
            figure { margin: 14px 0 22px; }
            figure svg { display: block; width: 100%; max-width: 880px; height: auto; border: 1px solid #e3e6ea; }
            figcaption { color: #5b6573; font-size: 13px; margin-top: 6px; max-width: 880px; }
            details { margin: 6px 0 12px; }
            details.notes > summary { color: #7a5300; }
            details.notes ul { margin: 4px 0; padding-left: 20px; font-size: 13.5px; }
            summary { cursor: pointer; color: #1a5fb4; }
            pre { background: #f6f8fa; padding: 10px; overflow-x: auto; }
            """;

    private final StringBuilder out = new StringBuilder();

    private HtmlReport() {
    }

    static String render(ReportModel model, String chartDir) {
        return new HtmlReport().write(model, chartDir);
    }

    private String write(ReportModel model, String chartDir) {
        Results results = model.results();
        line("<!DOCTYPE html>");
        line("<html lang=\"en\">");
        line("<head>");
        line("<meta charset=\"utf-8\">");
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        line("<title>AdaptBench report — " + escape(results.runId()) + "</title>");
        line("<style>");
        out.append(STYLE);
        line("</style>");
        line("</head>");
        line("<body>");
        line("<main>");
        line("<header class=\"top\"><h1>AdaptBench report</h1><p class=\"identity\">" + escape(model.identity()) + "</p></header>");
        board(model);
        nav(model);
        headline(model, chartDir);
        model.comparison().ifPresent(this::comparison);
        claims(model);
        if (model.sections().isEmpty()) {
            line("<h2>Scenarios</h2>");
            line("<p>This run measured no scenarios.</p>");
        }
        for (ReportModel.Section section : model.sections()) {
            section(section, chartDir);
        }
        runNotes(model);
        details(model);
        line("</main>");
        line("</body>");
        line("</html>");
        return out.toString();
    }

    private void board(ReportModel model) {
        line("<section id=\"" + BOARD_ID + "\" aria-label=\"Verdicts\">");
        line("<table class=\"board\">");
        line("<thead><tr><th>verdict</th><th>claim</th><th>deciding comparison [95% CI]</th><th>against</th><th>why</th></tr></thead>");
        line("<tbody>");
        for (ReportModel.BoardRow row : model.board()) {
            String css = Verdicts.cssClass(row.verdict());
            line("<tr class=\"claim-row row-" + css.substring(2) + "\"><td class=\"v\"><span class=\"verdict " + css + "\">"
                    + Verdicts.textSymbol(row.verdict()) + " " + Verdicts.label(row.verdict()) + "</span></td>"
                    + "<td class=\"claim\" title=\"" + escape(row.statement()) + "\"><strong>" + escape(row.id()) + "</strong><small>"
                    + escape(row.headline()) + "</small></td>"
                    + "<td class=\"deciding\">" + escape(row.deciding()) + (row.figure().isEmpty() ? "" : ": <b>" + escape(row.figure()) + "</b>")
                    + "</td><td>" + escape(row.opponent().isEmpty() ? "—" : row.opponent()) + "</td>"
                    + "<td class=\"why\">" + escape(row.why()) + "</td></tr>");
        }
        line("</tbody></table>");
        line("<p class=\"foot\">Figures: estimate [95% confidence interval]. Evidence, n and rules: <a href=\"#claims\">claims</a>;"
                + " every table and chart per scenario below.</p>");
        line("</section>");
    }

    private void nav(ReportModel model) {
        StringBuilder links = new StringBuilder("<nav><a href=\"#headline\">Headline</a> ");
        if (model.comparison().isPresent()) {
            links.append("<a href=\"#comparison\">Against the baseline</a> ");
        }
        links.append("<a href=\"#claims\">Claims</a> ");
        for (ReportModel.Section section : model.sections()) {
            links.append("<a href=\"#").append(anchor(section.key())).append("\">").append(escape(section.label())).append("</a> ");
        }
        links.append("<a href=\"#run-details\">Run details</a></nav>");
        line(links.toString());
    }

    private void headline(ReportModel model, String chartDir) {
        line("<section id=\"headline\">");
        line("<h2>Headline</h2>");
        ReportModel.HeadlineTable table = model.headline();
        if (!table.isEmpty()) {
            StringBuilder header = new StringBuilder("<thead><tr><th>approach</th>");
            table.columns().forEach(c -> header.append("<th>").append(escape(c.label())).append(c.higherIsBetter() ? " ↑" : " ↓")
                    .append("</th>"));
            line("<div class=\"table-wrap\"><table class=\"headline\">");
            line(header.append("</tr></thead>").toString());
            line("<tbody>");
            for (String approach : table.approaches()) {
                StringBuilder row = new StringBuilder("<tr><td>" + escape(approach) + "</td>");
                for (ReportModel.HeadlineTable.Column column : table.columns()) {
                    row.append("<td class=\"num\">").append(table.cell(approach, column).map(Figures::compact).map(Html::escape).orElse("—"))
                            .append("</td>");
                }
                line(row.append("</tr>").toString());
            }
            line("</tbody></table></div>");
            if (!table.controls().isEmpty()) {
                line("<p class=\"controls\">↑ higher is better, ↓ lower is better; n and every other figure in the sections below."
                        + " Controls: " + escape(String.join(" · ", table.controls())) + ".</p>");
            }
        }
        model.headlineCharts().forEach(chart -> figure(chart, chartDir));
        line("</section>");
    }

    private void comparison(ReportModel.ComparisonView view) {
        line("<section id=\"comparison\">");
        line("<h2>Against the baseline</h2>");
        line("<p>Baseline <code>" + escape(view.comparison().baseline()) + "</code>: <strong>" + escape(view.summary()) + "</strong>. "
                + escape(ComparisonMarkdown.rule(view.comparison())) + "</p>");
        view.comparison().warnings().forEach(w -> line("<p class=\"omitted\">" + escape(w) + "</p>"));
        if (view.moved().isEmpty()) {
            line("<p>Nothing moved beyond the threshold with the statistics agreeing.</p>");
        } else {
            comparisonTable(view.moved());
        }
        if (!view.rest().isEmpty()) {
            line("<details><summary>The other " + view.rest().size() + " metrics (no clear change, added, removed)</summary>");
            comparisonTable(view.rest());
            line("</details>");
        }
        line("</section>");
    }

    private void comparisonTable(List<MetricComparison> rows) {
        line("<div class=\"table-wrap\"><table>");
        line("<thead><tr><th>metric</th><th>baseline</th><th>current</th><th>change</th><th>verdict</th><th>statistics</th></tr></thead>");
        line("<tbody>");
        for (MetricComparison m : rows) {
            String css = ComparisonMarkdown.plainLabel(m.change()).replace(' ', '-');
            line("<tr><td><code>" + escape(m.name()) + "</code></td><td class=\"num\">" + escape(ComparisonMarkdown.figure(m, false))
                    + "</td><td class=\"num\">" + escape(ComparisonMarkdown.figure(m, true)) + "</td><td class=\"num\">"
                    + (m.relativeChange().isPresent() ? escape(Figures.percent(m.relativeChange().getAsDouble())) : "—")
                    + "</td><td class=\"" + css + "\">" + escape(ComparisonMarkdown.plainLabel(m.change())) + "</td><td>"
                    + escape(m.statistics()) + "</td></tr>");
        }
        line("</tbody></table></div>");
    }

    private void claims(ReportModel model) {
        line("<section id=\"claims\">");
        line("<h2>Claims: evidence and rules</h2>");
        for (ReportModel.BoardRow row : model.contradicted()) {
            line("<div class=\"contradiction\"><strong>The measurements contradict the claim “" + escape(row.statement())
                    + "”</strong> (" + escape(row.id()) + "): " + escape(row.why()) + ".</div>");
        }
        for (ReportModel.ClaimEvidence claim : model.evidence()) {
            line("<h3>" + escape(claim.id()) + " <span class=\"verdict " + Verdicts.cssClass(claim.verdict()) + "\">"
                    + Verdicts.textSymbol(claim.verdict()) + " " + Verdicts.label(claim.verdict()) + "</span></h3>");
            line("<p>" + escape(claim.statement()) + "</p>");
            if (claim.isEmpty()) {
                line("<p class=\"omitted\">" + escape(claim.evidenceText()) + "</p>");
            }
            if (!claim.comparisons().isEmpty()) {
                line("<div class=\"table-wrap\"><table class=\"evidence\">");
                line("<thead><tr><th>comparison</th><th>estimate [95% CI]</th><th>p</th><th>n</th><th>distinct items</th></tr></thead>");
                line("<tbody>");
                for (ClaimFigure figure : claim.comparisons()) {
                    line("<tr><td>" + escape(figure.label()) + "</td><td class=\"num\">" + escape(Figures.figure(figure)) + "</td><td class=\"num\">"
                            + (figure.pValue() == null ? "—" : escape(Figures.pValue(figure.pValue()))) + "</td><td class=\"num\">"
                            + Figures.count(figure.n()) + "</td><td class=\"num\">" + escape(items(figure)) + "</td></tr>");
                }
                line("</tbody></table></div>");
            }
            ReportModel.FigureGrid grid = claim.grid();
            if (!grid.subjects().isEmpty()) {
                StringBuilder header = new StringBuilder("<thead><tr><th>approach</th>");
                grid.metrics().forEach(m -> header.append("<th>").append(escape(m)).append("</th>"));
                line("<div class=\"table-wrap\"><table class=\"evidence\">");
                line(header.append("</tr></thead>").toString());
                line("<tbody>");
                for (String subject : grid.subjects()) {
                    StringBuilder row = new StringBuilder("<tr><td>" + escape(subject) + "</td>");
                    for (String metric : grid.metrics()) {
                        row.append("<td class=\"num\">").append(grid.cell(subject, metric)
                                .map(f -> escape(Figures.figure(f)) + " <small>n=" + Figures.count(f.n())
                                        + (f.items().isPresent() ? ", " + Figures.count(f.items().getAsLong()) + " items" : "") + "</small>")
                                .orElse("—")).append("</td>");
                    }
                    line(row.append("</tr>").toString());
                }
                line("</tbody></table></div>");
            }
            line("<p class=\"rule\">Rule: " + escape(claim.rule()) + "</p>");
        }
        line("</section>");
    }

    private static String items(ClaimFigure figure) {
        return figure.items().isPresent() ? Figures.count(figure.items().getAsLong()) : "—";
    }

    private void section(ReportModel.Section section, String chartDir) {
        line("<section id=\"" + anchor(section.key()) + "\">");
        line("<h2>" + escape(section.label()) + "</h2>");
        if (!section.notes().isEmpty()) {
            line("<details class=\"notes\"><summary>Notes on " + escape(section.label()) + " (" + section.notes().size() + ")</summary><ul>");
            section.notes().forEach(note -> line("<li>" + escape(note) + "</li>"));
            line("</ul></details>");
        }
        for (ReportModel.MetricTable table : section.tables()) {
            metricTable(table);
        }
        section.omitted().forEach(text -> line("<p class=\"omitted\">" + escape(text) + "</p>"));
        for (RenderedChart chart : section.charts()) {
            figure(chart, chartDir);
        }
        for (Map.Entry<String, Series> entry : section.series().entrySet()) {
            seriesTable(entry.getKey(), SeriesTable.of(entry.getValue()));
        }
        line("</section>");
    }

    private void figure(RenderedChart chart, String chartDir) {
        line("<figure>");
        line(chart.inlineSvg());
        line("<figcaption>" + escape(chart.caption()) + " <a href=\"" + chartDir + "/" + chart.slug() + ".png\">PNG</a> · <a href=\""
                + chartDir + "/" + chart.slug() + ".svg\">SVG</a></figcaption>");
        line("</figure>");
    }

    private void metricTable(ReportModel.MetricTable table) {
        StringBuilder header = new StringBuilder("<thead><tr><th>approach</th>");
        for (String metric : table.metrics()) {
            String unit = Figures.unitSuffix(table.units().getOrDefault(metric, "")).trim();
            header.append("<th>").append(escape(metric)).append(unit.isEmpty() ? "" : " <small>(" + escape(unit) + ")</small>").append("</th>");
        }
        line("<div class=\"table-wrap\"><table>");
        line(header.append("</tr></thead>").toString());
        line("<tbody>");
        for (String approach : table.approaches()) {
            StringBuilder row = new StringBuilder("<tr><td>" + escape(approach) + "</td>");
            for (String metric : table.metrics()) {
                MetricValue value = table.values().get(approach).get(metric);
                row.append("<td class=\"num\">").append(value == null ? "—" : escape(Figures.cell(value))).append("</td>");
            }
            line(row.append("</tr>").toString());
        }
        line("</tbody></table></div>");
    }

    private void seriesTable(String name, SeriesTable table) {
        line("<details><summary>Data: " + escape(name) + "</summary>");
        line("<div class=\"table-wrap\"><table>");
        StringBuilder header = new StringBuilder("<thead><tr><th>" + escape(table.xLabel()) + "</th>");
        table.lines().forEach(l -> header.append("<th>").append(escape(l)).append("</th>"));
        line(header.append("</tr></thead>").toString());
        line("<tbody>");
        for (List<String> row : table.rows()) {
            StringBuilder cells = new StringBuilder("<tr>");
            row.forEach(cell -> cells.append("<td class=\"num\">").append(escape(cell)).append("</td>"));
            line(cells.append("</tr>").toString());
        }
        line("</tbody></table></div>");
        line("</details>");
    }

    private void runNotes(ReportModel model) {
        if (model.runNotes().isEmpty()) {
            return;
        }
        line("<section id=\"run-notes\">");
        line("<h2>Notes on the whole run</h2>");
        line("<details class=\"notes\" open><summary>Notes (" + model.runNotes().size() + ")</summary><ul>");
        model.runNotes().forEach(note -> line("<li>" + escape(note) + "</li>"));
        line("</ul></details>");
        line("</section>");
    }

    private void details(ReportModel model) {
        Results results = model.results();
        line("<section id=\"run-details\">");
        line("<h2>Run details</h2>");
        line("<details><summary>Config, seeds, versions and dataset hashes</summary>");
        line("<div class=\"table-wrap\"><table>");
        line("<tr><th>run id</th><td><code>" + escape(results.runId()) + "</code></td></tr>");
        line("<tr><th>git sha</th><td><code>" + escape(results.gitSha()) + "</code></td></tr>");
        line("<tr><th>schema version</th><td>" + results.schemaVersion() + "</td></tr>");
        model.details().seeds().forEach((path, seed) -> line("<tr><th>seed <code>" + escape(path) + "</code></th><td>" + escape(seed)
                + "</td></tr>"));
        results.datasetHashes().forEach((name, hash) -> line("<tr><th>dataset <code>" + escape(name) + "</code></th><td><code>"
                + escape(hash) + "</code></td></tr>"));
        results.environment().forEach((name, value) -> line("<tr><th>" + escape(name) + "</th><td>" + escape(value) + "</td></tr>"));
        line("</table></div>");
        line("<pre>" + escape(model.details().configJson()) + "</pre>");
        line("</details>");
        line("</section>");
    }

    private static String anchor(String scenarioKey) {
        return "scenario-" + ChartSpec.slugPart(scenarioKey);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
