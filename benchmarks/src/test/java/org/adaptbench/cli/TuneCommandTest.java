package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage of {@code adaptbench tune} ends with exit code 2, a message naming what is wrong, and nothing written. */
class TuneCommandTest {

    @TempDir
    Path dir;

    private void assertBadUsage(String expectedInMessage, String... args) {
        Path out = dir.resolve("out");
        CliRun.of(CliRun.writingTo(out, "tune", args)).assertRefused(expectedInMessage);
        assertFalse(Files.exists(out.resolve("trials")), "nothing is written on bad input");
    }

    @Test
    void budgetIsRequiredAndBounded() {
        assertBadUsage("--budget");
        assertBadUsage("--budget must be 1..64", "--budget", "0");
        assertBadUsage("--budget must be 1..64", "--budget", "65");
    }

    @Test
    void theValidationWorldMustBeAWorld() {
        assertBadUsage("--evaluated must be 0..10", "--budget", "2", "--users", "10", "--evaluated", "11");
        assertBadUsage("--users must be at least 2", "--budget", "2", "--users", "1", "--evaluated", "0");
        assertBadUsage("--events must be at least 4", "--budget", "2", "--events", "2");
    }

    @Test
    void unknownNamesAndBadValuesAreRefused() {
        assertBadUsage("adapters.rank=eight", "--budget", "2", "--set", "adapters.rank=eight");
        assertBadUsage("unknown suite 'huge'", "--budget", "2", "--suite", "huge");
        assertBadUsage("no such config", "--budget", "2", "--set", "adapters.colour=blue");
    }

    @Test
    void anEarlierSearchIsNeverOverwritten() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("tuning.json"), "{}\n");
        assertBadUsage("already holds a tuning search", "--budget", "2");
        assertEquals("{}\n", Files.readString(out.resolve("tuning.json")));
    }
}
