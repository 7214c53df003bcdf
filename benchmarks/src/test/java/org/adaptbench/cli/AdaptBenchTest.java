package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdaptBenchTest {

    @Test
    void helpListsEveryCommandOfTheContract() {
        CliRun outcome = CliRun.of("--help");
        assertEquals(ExitCode.OK, outcome.exitCode());
        for (String command : new String[] {"datasets", "run", "report", "compare", "jmh"}) {
            assertTrue(outcome.out().contains(command), () -> "help lacks " + command + ":\n" + outcome.out());
        }
    }

    @Test
    void unknownCommandIsBadUsage() {
        CliRun outcome = CliRun.of("frobnicate");
        assertEquals(ExitCode.BAD_INPUT, outcome.exitCode());
        assertTrue(outcome.err().contains("frobnicate"), outcome.err());
    }

    @Test
    void missingRequiredOptionIsBadUsage() {
        assertEquals(ExitCode.BAD_INPUT, CliRun.of("datasets", "generate", "--out", "x").exitCode());
    }
}
