package org.adaptbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.usage.WritablePaths;
import org.adaptbench.reports.render.ReportWriter;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code adaptbench report}: render a results directory as Markdown and HTML with charts. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.md, index.html and charts for a results directory.")
final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RESULTS_DIR", description = "A run directory holding results.json (or the results.json file).")
    Path resultsDir;

    @Option(names = "--out", description = "Report folder (default: RESULTS_DIR/report).")
    Path out;

    @Override
    public void run() {
        if (!Files.exists(resultsDir)) {
            throw new UsageException("no such results directory: " + resultsDir);
        }
        Path runDir = Files.isDirectory(resultsDir) ? resultsDir : resultsDir.toAbsolutePath().getParent();
        Path outDir = out != null ? out : runDir.resolve(ReportWriter.DEFAULT_DIR);
        Results results = ResultsIo.read(resultsDir); // read first: bad results write nothing
        WritablePaths.folder(outDir, out != null ? "--out" : "the report folder");
        ReportWriter.ReportFiles files = ReportWriter.write(results, outDir);
        spec.commandLine().getOut().println("wrote " + files.html() + ", " + files.markdown() + " and "
                + files.charts().size() / 2 + " charts (SVG and PNG) in " + outDir.resolve(ReportWriter.CHART_DIR));
        spec.commandLine().getOut().flush();
    }
}
