package org.adaptbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.usage.WritablePaths;
import org.adaptbench.reports.compare.BenchmarkActionJson;
import org.adaptbench.reports.compare.Compare;
import org.adaptbench.reports.compare.Comparison;
import org.adaptbench.reports.compare.Gate;
import org.adaptbench.reports.compare.ComparisonMarkdown;
import org.adaptbench.reports.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code adaptbench compare}: the CI regression gate. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two results directories (or results.json files, or two JMH JSON files); exit 3 on a regression.",
            "A metric regresses when it is worse by more than the threshold AND the statistics agree"
                    + " (95%% intervals apart, Mann-Whitney U on samples.jsonl / JMH raw data, or McNemar on the same items, at alpha 0.05),"
                    + " and its class is gated (--gate)."})
final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASELINE", description = "Run directory, results.json or JMH JSON file to compare against.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT", description = "Run directory, results.json or JMH JSON file of the same kind.")
    Path current;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5", description = "Relative change in percent below which nothing is a regression (default: ${DEFAULT-VALUE}).")
    double thresholdPercent;

    @Option(names = "--gate", paramLabel = "CLASSES", description = "The classes of figures that can fail the gate, from accuracy,"
            + " tokens, bytes, compute, cost, timing, other, or all (default: every class but timing for results, all for JMH files;"
            + " timing is never gated between runs on different machines).")
    String gate;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the Markdown table to FILE instead of standard output.")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write github-action-benchmark JSON: FILE-bigger-is-better.json"
            + " (tool customBiggerIsBetter) and FILE-smaller-is-better.json (tool customSmallerIsBetter), '.json' dropped from FILE.")
    Path json;

    @Override
    public Integer call() {
        if (!Double.isFinite(thresholdPercent) || thresholdPercent < 0) {
            throw new UsageException("--threshold must be a percentage of at least 0, was " + thresholdPercent);
        }
        Optional<Gate> gated;
        try {
            gated = gate == null ? Optional.empty() : Optional.of(Gate.parse(gate));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--gate " + gate + ": " + e.getMessage());
        }
        Comparison comparison = Compare.compare(baseline, current, thresholdPercent, gated);
        String markdown = ComparisonMarkdown.render(comparison);
        if (out != null) {
            WritablePaths.file(out, "--out");
        }
        if (json != null) {
            WritablePaths.file(json, "--json");
        }
        PrintWriter err = spec.commandLine().getErr();
        comparison.warnings().forEach(warning -> err.println("adaptbench compare: warning: " + warning));
        if (out != null) {
            AtomicFiles.writeString(out, markdown);
            err.println("adaptbench compare: wrote " + out);
        } else {
            spec.commandLine().getOut().print(markdown);
            spec.commandLine().getOut().flush();
        }
        if (json != null) {
            List<Path> files = BenchmarkActionJson.write(comparison, json);
            err.println("adaptbench compare: wrote " + files.get(0) + " and " + files.get(1));
        }
        err.println("adaptbench compare: " + comparison.count(org.adaptbench.reports.compare.Change.REGRESSION) + " regression(s)");
        err.flush();
        return comparison.hasRegression() ? ExitCode.REGRESSION : ExitCode.OK;
    }
}
