package org.adaptbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.usage.WritablePaths;
import org.adaptbench.reports.compare.Change;
import org.adaptbench.reports.compare.Compare;
import org.adaptbench.reports.compare.Comparison;
import org.adaptbench.reports.compare.Gate;
import org.adaptbench.reports.render.ReportWriter;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code adaptbench report}: render a results directory as Markdown and HTML with charts, optionally against a baseline. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write report.md, index.html and charts for a results directory.",
            "With --compare BASELINE the report gains a section on what moved against the baseline (what compare prints);"
                    + " the exit code stays 0 (use compare as the CI gate)."})
final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RESULTS_DIR", description = "A run directory holding results.json (or the results.json file).")
    Path resultsDir;

    @Option(names = "--out", description = "Report folder (default: RESULTS_DIR/report).")
    Path out;

    @Option(names = "--compare", paramLabel = "BASELINE", description = "A baseline run directory or results.json to compare this run with.")
    Path baseline;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
            description = "With --compare: relative change in percent below which nothing counts (default: ${DEFAULT-VALUE}).")
    double thresholdPercent;

    @Option(names = "--gate", paramLabel = "CLASSES", description = "With --compare: the classes of figures that count as"
            + " regressions, as for compare (default: every class but timing).")
    String gate;

    @Override
    public void run() {
        if (!Files.exists(resultsDir)) {
            throw new UsageException("no such results directory: " + resultsDir);
        }
        if (baseline != null && !Files.exists(baseline)) {
            throw new UsageException("no such baseline: " + baseline);
        }
        if (!Double.isFinite(thresholdPercent) || thresholdPercent < 0) {
            throw new UsageException("--threshold must be a percentage of at least 0, was " + thresholdPercent);
        }
        Path runDir = Files.isDirectory(resultsDir) ? resultsDir : resultsDir.toAbsolutePath().getParent();
        Path outDir = out != null ? out : runDir.resolve(ReportWriter.DEFAULT_DIR);
        Results results = ResultsIo.read(resultsDir); // read first: bad results write nothing
        Optional<Gate> gated;
        try {
            gated = gate == null ? Optional.empty() : Optional.of(Gate.parse(gate));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--gate " + gate + ": " + e.getMessage());
        }
        Optional<Comparison> comparison = baseline == null ? Optional.empty()
                : Optional.of(Compare.compare(baseline, results, ResultsIo.readSamples(runDir), resultsDir.toString(), thresholdPercent, gated));
        WritablePaths.folder(outDir, out != null ? "--out" : "the report folder");
        ReportWriter.ReportFiles files = ReportWriter.write(results, comparison, outDir);
        var stdout = spec.commandLine().getOut();
        stdout.println("wrote " + files.html() + ", " + files.markdown() + " and "
                + files.charts().size() / 2 + " charts (SVG and PNG) in " + outDir.resolve(ReportWriter.CHART_DIR));
        comparison.ifPresent(c -> stdout.println("compared with " + baseline + ": " + c.count(Change.REGRESSION) + " regression(s), "
                + c.count(Change.IMPROVEMENT) + " improvement(s)"));
        stdout.flush();
    }
}
