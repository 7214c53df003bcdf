package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad usage of {@code adaptbench run} ends with exit code 2, a message naming what is wrong, and nothing written. */
class RunCommandTest {

    @TempDir
    Path dir;

    private void assertBadUsage(String expectedInMessage, String... args) {
        Path out = dir.resolve("out");
        String[] full = new String[args.length + 3];
        full[0] = "run";
        System.arraycopy(args, 0, full, 1, args.length);
        full[args.length + 1] = "--out";
        full[args.length + 2] = out.toString();
        CliRun run = CliRun.of(full);
        assertEquals(ExitCode.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains(expectedInMessage), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertFalse(Files.exists(out), "nothing is written on bad input");
    }

    @Test
    void unknownSuite() {
        assertBadUsage("unknown suite 'huge'", "--suite", "huge");
    }

    @Test
    void unknownApproach() {
        assertBadUsage("unknown approach 'magic'", "--suite", "smoke", "--approaches", "memory,magic");
    }

    @Test
    void unknownScenario() {
        assertBadUsage("unknown scenario 'vibes'", "--suite", "smoke", "--scenarios", "vibes");
    }

    @Test
    void missingDatasetFolder() {
        assertBadUsage("no such folder", "--suite", "smoke", "--dataset", dir.resolve("absent").toString());
    }

    @Test
    void unknownOverride() {
        assertBadUsage("no such config", "--suite", "smoke", "--set", "adapters.colour=blue");
    }

    @Test
    void malformedDatasetNamesFileAndLine() throws Exception {
        Path data = dir.resolve("mine");
        Files.createDirectories(data);
        Files.writeString(data.resolve("turns.jsonl"), "{\"user_id\":\"u1\",\"turn_id\":\"t1\",\"role\":\"robot\",\"text\":\"hi\",\"timestamp\":1}\n");
        Files.writeString(data.resolve("queries.jsonl"), "");
        assertBadUsage("turns.jsonl", "--suite", "smoke", "--dataset", data.toString());
    }
}
