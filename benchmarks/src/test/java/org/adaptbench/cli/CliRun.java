package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** {@code command}, then {@code args}, then {@code --out out}: a command's arguments with its output folder last. */
    static String[] writingTo(Path out, String command, String... args) {
        List<String> full = new ArrayList<>(List.of(command));
        full.addAll(List.of(args));
        full.add("--out");
        full.add(out.toString());
        return full.toArray(String[]::new);
    }

    /** Bad input: exit code 2, every {@code expected} part in the error output, no stack trace. */
    CliRun assertRefused(String... expected) {
        assertEquals(ExitCode.BAD_INPUT, exitCode, err);
        for (String part : expected) {
            assertTrue(err.contains(part), "'" + part + "' in: " + err);
        }
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        return this;
    }

    /** {@link #assertRefused}, with the whole error on one line. */
    CliRun assertRefusedInOneLine(String... expected) {
        assertRefused(expected);
        assertEquals(1, err.strip().lines().count(), "one line: " + err);
        return this;
    }
}
