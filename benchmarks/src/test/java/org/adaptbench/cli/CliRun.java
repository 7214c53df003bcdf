package org.adaptbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it printed, for the command tests. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        CommandLine commandLine = AdaptBench.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
