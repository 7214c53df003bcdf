package org.adaptbench.cli;

import java.io.PrintWriter;
import org.adaptbench.datasets.io.DatasetFormatException;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.usage.WritablePaths;
import org.adaptbench.reports.results.ResultsFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code adaptbench} command: entry point of the CLI contract in DESIGN.md. */
@Command(
        name = "adaptbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measures memory-based personalization against LoRA fine-tuning on the same users.",
        subcommands = {
            DatasetsCommand.class,
            RunCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            JmhCommand.class,
            ScaleCommand.class,
            TuneCommand.class,
            CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:internal failure",
            "2:bad usage or bad input (the message names the file, line and field), or a path that cannot be read or written",
            "3:regression found by compare"
        })
public final class AdaptBench implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code, so tests can call it in-process. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new AdaptBench());
        commandLine.setExecutionExceptionHandler(AdaptBench::handleFailure);
        return commandLine;
    }

    private static int handleFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (isBadInput(failure)) {
            err.println("adaptbench: " + failure.getMessage());
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        if (failure instanceof java.io.UncheckedIOException io) {
            // a path that cannot be read or written (a full disk, a folder made read-only meanwhile): the path and the reason, no trace
            err.println("adaptbench: " + io.getMessage() + " (" + WritablePaths.reason(io.getCause()) + ")");
            err.flush();
            return ExitCode.BAD_INPUT;
        }
        if (failure instanceof NotBuiltYet) {
            err.println("adaptbench: " + failure.getMessage());
            err.flush();
            return ExitCode.INTERNAL_FAILURE;
        }
        err.println("adaptbench: internal failure: " + failure);
        failure.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL_FAILURE;
    }

    private static boolean isBadInput(Throwable failure) {
        return failure instanceof UsageException
                || failure instanceof DatasetFormatException
                || failure instanceof ResultsFormatException;
    }
}
