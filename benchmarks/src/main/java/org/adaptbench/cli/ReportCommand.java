package org.adaptbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adaptbench report}: render a results directory as Markdown and HTML with charts. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.md, index.html and charts for a results directory.")
final class ReportCommand implements Runnable {

    @Parameters(paramLabel = "RESULTS_DIR", description = "A run directory holding results.json.")
    Path resultsDir;

    @Option(names = "--out", description = "Report folder (default: RESULTS_DIR/report).")
    Path out;

    @Override
    public void run() {
        throw new NotBuiltYet("report");
    }
}
