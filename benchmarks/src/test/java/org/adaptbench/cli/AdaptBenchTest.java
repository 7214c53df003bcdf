package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class AdaptBenchTest {

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome run(String... args) {
        CommandLine commandLine = AdaptBench.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommandOfTheContract() {
        Outcome outcome = run("--help");
        assertEquals(ExitCode.OK, outcome.exitCode());
        for (String command : new String[] {"datasets", "run", "report", "compare", "jmh"}) {
            assertTrue(outcome.out().contains(command), () -> "help lacks " + command + ":\n" + outcome.out());
        }
    }

    @Test
    void unknownCommandIsBadUsage() {
        Outcome outcome = run("frobnicate");
        assertEquals(ExitCode.BAD_INPUT, outcome.exitCode());
        assertTrue(outcome.err().contains("frobnicate"), outcome.err());
    }

    @Test
    void missingRequiredOptionIsBadUsage() {
        assertEquals(ExitCode.BAD_INPUT, run("datasets", "generate", "--out", "x").exitCode());
    }
}
