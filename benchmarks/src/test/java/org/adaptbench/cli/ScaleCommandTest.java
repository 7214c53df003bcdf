package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleCommandTest {

    @TempDir
    Path dir;

    @Test
    void theCommandRunsATinyConfigurationAndWritesItsTable() throws Exception {
        CliRun run = CliRun.of("scale", "--users", "10,30", "--cache", "8", "--batch", "4", "--requests", "8", "--warmup", "4",
                "--templates", "2", "--embedder", "hashing", "--in-process", "--work", dir.resolve("work").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        String table = Files.readString(dir.resolve("out").resolve("scale.md"));
        assertTrue(table.contains("--users 10,30 --cache 8 --batch 4"), "the table names the command that reproduces it");
    }

    @Test
    void badSettingsAreUsageErrors() {
        CliRun cache = CliRun.of("scale", "--cache", "4", "--batch", "8", "--work", dir.resolve("work").toString());
        assertEquals(2, cache.exitCode());
        assertTrue(cache.err().contains("--cache (4) must hold at least one batch"), cache.err());
        CliRun users = CliRun.of("scale", "--users", "100,10", "--work", dir.resolve("work").toString());
        assertEquals(2, users.exitCode());
        assertTrue(users.err().contains("--users must be positive and increasing"), users.err());
        CliRun embedder = CliRun.of("scale", "--embedder", "bert", "--work", dir.resolve("work").toString());
        assertEquals(2, embedder.exitCode());
    }
}
