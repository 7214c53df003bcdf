package org.adaptbench.reports.render;

import static org.adaptbench.reports.render.Html.escape;

import java.util.List;
import java.util.Map;
import org.adaptbench.reports.chart.ChartSpec;
import org.adaptbench.reports.chart.RenderedChart;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.Series;

/**
 * The report as one self-contained HTML page: styles inline, charts inlined as SVG, no scripts and
 * no external assets, so it reads the same offline, in a CI artifact or from a mail attachment.
 */
final class HtmlReport {

    private static final String STYLE = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f6f7f9; color: #1d2430; font: 15px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
            main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
            h1 { font-size: 28px; margin: 0 0 4px; }
            h2 { font-size: 21px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #e3e6ea; }
            h3 { font-size: 17px; margin: 24px 0 8px; }
            .meta { color: #5b6573; margin: 0 0 16px; }
            code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
            nav { background: #f0f3f7; border-radius: 6px; padding: 8px 14px; margin: 12px 0 20px; }
            nav a { margin-right: 14px; white-space: nowrap; color: #1a5fb4; text-decoration: none; }
            .notes { background: #fff8e1; border-left: 4px solid #f0b400; padding: 8px 16px; margin: 12px 0; }
            .notes ul { margin: 4px 0; padding-left: 20px; }
            .contradiction { background: #fdecea; border-left: 4px solid #c62828; padding: 10px 16px; margin: 12px 0; }
            .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
            table { border-collapse: collapse; font-size: 13.5px; }
            th, td { border: 1px solid #dde1e6; padding: 5px 9px; text-align: left; vertical-align: top; }
            th { background: #f0f3f7; font-weight: 600; }
            td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.claims td:first-child { width: 30%; }
            table.claims td:last-child { white-space: nowrap; }
            .verdict { display: inline-block; padding: 2px 9px; border-radius: 12px; font-weight: 600; font-size: 13px; }
            .v-supported { background: #e3f4e5; color: #1b5e20; }
            .v-contradicted { background: #fdecea; color: #b71c1c; }
            .v-mixed { background: #fff4d6; color: #7a5300; }
            .v-not-measured { background: #eceff1; color: #455a64; }
            .rule { color: #5b6573; font-size: 12.5px; margin-top: 4px; }
            figure { margin: 16px 0 24px; }
            figure svg { display: block; width: 100%; max-width: 880px; height: auto; border: 1px solid #e3e6ea; }
            figcaption { color: #5b6573; font-size: 13px; margin-top: 6px; max-width: 880px; }
            details { margin: 6px 0 14px; }
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
        line("<h1>AdaptBench report</h1>");
        line("<p class=\"meta\">Run <code>" + escape(results.runId()) + "</code> · git <code>" + escape(results.gitSha())
                + "</code> · results schema " + results.schemaVersion() + " · every figure: value [95% CI] n</p>");
        nav(model);
        if (!model.notes().isEmpty()) {
            line("<div class=\"notes\"><strong>Notes</strong><ul>");
            model.notes().forEach(note -> line("<li>" + escape(note) + "</li>"));
            line("</ul></div>");
        }
        claims(model);
        if (model.sections().isEmpty()) {
            line("<h2>Scenarios</h2>");
            line("<p>This run measured no scenarios.</p>");
        }
        for (ReportModel.Section section : model.sections()) {
            section(section, chartDir);
        }
        details(model);
        line("</main>");
        line("</body>");
        line("</html>");
        return out.toString();
    }

    private void nav(ReportModel model) {
        StringBuilder links = new StringBuilder("<nav><a href=\"#claims\">Claims</a>");
        for (ReportModel.Section section : model.sections()) {
            links.append("<a href=\"#").append(anchor(section.key())).append("\">").append(escape(section.label())).append("</a>");
        }
        links.append("<a href=\"#run-details\">Run details</a></nav>");
        line(links.toString());
    }

    private void claims(ReportModel model) {
        line("<section id=\"claims\">");
        line("<h2>Claims</h2>");
        for (Claim claim : model.contradicted()) {
            line("<div class=\"contradiction\"><strong>The measurements contradict the claim “" + escape(claim.statement())
                    + "”</strong> (" + escape(claim.id()) + "): " + escape(claim.evidence()) + ".</div>");
        }
        line("<div class=\"table-wrap\"><table class=\"claims\">");
        line("<thead><tr><th>Claim</th><th>Evidence (value, 95% CI, n) and the rule</th><th>Verdict</th></tr></thead>");
        line("<tbody>");
        for (Claim claim : model.claims()) {
            line("<tr><td><strong>" + escape(claim.id()) + "</strong><br>" + escape(claim.statement()) + "</td>"
                    + "<td>" + escape(claim.evidence()) + "<div class=\"rule\">Rule: " + escape(claim.rule()) + "</div></td>"
                    + "<td><span class=\"verdict " + Verdicts.cssClass(claim.verdict()) + "\">" + Verdicts.textSymbol(claim.verdict())
                    + " " + Verdicts.label(claim.verdict()) + "</span></td></tr>");
        }
        line("</tbody></table></div>");
        line("</section>");
    }

    private void section(ReportModel.Section section, String chartDir) {
        line("<section id=\"" + anchor(section.key()) + "\">");
        line("<h2>" + escape(section.label()) + "</h2>");
        for (ReportModel.MetricTable table : section.tables()) {
            metricTable(table);
        }
        for (RenderedChart chart : section.charts()) {
            line("<figure>");
            line(chart.inlineSvg());
            line("<figcaption>" + escape(chart.caption()) + " <a href=\"" + chartDir + "/" + chart.slug() + ".png\">PNG</a> · <a href=\""
                    + chartDir + "/" + chart.slug() + ".svg\">SVG</a></figcaption>");
            line("</figure>");
        }
        for (Map.Entry<String, Series> entry : section.series().entrySet()) {
            seriesTable(entry.getKey(), SeriesTable.of(entry.getValue()));
        }
        line("</section>");
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

    private void details(ReportModel model) {
        Results results = model.results();
        line("<section id=\"run-details\">");
        line("<h2>Run details</h2>");
        line("<details><summary>Config, seeds, versions and dataset hashes</summary>");
        line("<div class=\"table-wrap\"><table>");
        line("<tr><th>run id</th><td><code>" + escape(results.runId()) + "</code></td></tr>");
        line("<tr><th>git sha</th><td><code>" + escape(results.gitSha()) + "</code></td></tr>");
        line("<tr><th>schema version</th><td>" + results.schemaVersion() + "</td></tr>");
        model.seeds().forEach((path, seed) -> line("<tr><th>seed <code>" + escape(path) + "</code></th><td>" + escape(seed) + "</td></tr>"));
        results.datasetHashes().forEach((name, hash) -> line("<tr><th>dataset <code>" + escape(name) + "</code></th><td><code>"
                + escape(hash) + "</code></td></tr>"));
        results.environment().forEach((name, value) -> line("<tr><th>" + escape(name) + "</th><td>" + escape(value) + "</td></tr>"));
        line("</table></div>");
        line("<pre>" + escape(model.configJson()) + "</pre>");
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
