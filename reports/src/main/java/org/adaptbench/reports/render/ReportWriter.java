package org.adaptbench.reports.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.adaptbench.reports.chart.RenderedChart;
import org.adaptbench.reports.chart.ReportCharts;
import org.adaptbench.reports.compare.Comparison;
import org.adaptbench.reports.io.AtomicFiles;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;

/**
 * Writes a run's report: {@code report.md}, a self-contained {@code index.html} and every chart as
 * {@code charts/<slug>.svg} and {@code charts/<slug>.png}.
 *
 * <p>The output depends only on the results (no clock, no paths, no random ids), so rendering the
 * same results twice gives the same bytes. Each file is written atomically; charts that a previous
 * report left behind and this one does not draw are removed.
 */
public final class ReportWriter {

    public static final String DEFAULT_DIR = "report";
    public static final String MARKDOWN_FILE = "report.md";
    public static final String HTML_FILE = "index.html";
    public static final String CHART_DIR = "charts";

    /** The files a report consists of. */
    public record ReportFiles(Path markdown, Path html, List<Path> charts) {

        public ReportFiles {
            charts = List.copyOf(charts);
        }
    }

    private ReportWriter() {
    }

    /**
     * Reads {@code runDir/results.json} and writes the report into {@code outDir}.
     *
     * @throws org.adaptbench.reports.results.ResultsFormatException when the results file is unusable
     */
    public static ReportFiles write(Path runDir, Path outDir) {
        return write(ResultsIo.read(runDir), outDir);
    }

    /** Writes the report of {@code results} into {@code outDir} (created if needed). */
    public static ReportFiles write(Results results, Path outDir) {
        return write(results, Optional.empty(), outDir);
    }

    /**
     * Writes the report of {@code results} into {@code outDir}, with a section on what moved against a
     * baseline when {@code comparison} is present ({@code adaptbench report --compare BASELINE}).
     */
    public static ReportFiles write(Results results, Optional<Comparison> comparison, Path outDir) {
        ReportCharts.Rendered charts = ReportCharts.render(results);
        ReportModel model = ReportModel.of(results, charts, comparison);
        Path chartDir = outDir.resolve(CHART_DIR);
        List<Path> chartFiles = new ArrayList<>();
        for (RenderedChart chart : charts.all()) {
            Path svg = chartDir.resolve(chart.slug() + ".svg");
            Path png = chartDir.resolve(chart.slug() + ".png");
            AtomicFiles.writeString(svg, chart.svgDocument());
            AtomicFiles.write(png, chart.png());
            chartFiles.add(svg);
            chartFiles.add(png);
        }
        removeStaleCharts(chartDir, new HashSet<>(chartFiles));
        Path markdown = outDir.resolve(MARKDOWN_FILE);
        Path html = outDir.resolve(HTML_FILE);
        AtomicFiles.write(markdown, MarkdownReport.render(model, CHART_DIR).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(html, HtmlReport.render(model, CHART_DIR).getBytes(StandardCharsets.UTF_8));
        return new ReportFiles(markdown, html, chartFiles);
    }

    private static void removeStaleCharts(Path chartDir, Set<Path> keep) {
        if (!Files.isDirectory(chartDir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(chartDir, "*.{svg,png}")) {
            for (Path file : files) {
                if (!keep.contains(file)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tidy " + chartDir, e);
        }
    }
}
