package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.adaptbench.datasets.jsonl.JsonlDatasetReader;
import org.adaptbench.datasets.prefeval.PrefEvalLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsCommandTest {

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void generateWritesTheWorldAndSameSeedGivesSameBytes(@TempDir Path dir) throws IOException {
        CliRun first = run("datasets", "generate", "--seed", "3", "--users", "30", "--out", dir.resolve("a").toString());
        assertEquals(ExitCode.OK, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("wrote 30 users, "), first.out());
        assertEquals(List.of("manifest.json", "queries.jsonl", "turns.jsonl", "users.jsonl"), names(dir.resolve("a")));
        assertEquals(ExitCode.OK, run("datasets", "generate", "--seed", "3", "--users", "30", "--out", dir.resolve("b").toString()).exitCode());
        for (String file : names(dir.resolve("a"))) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)), file);
        }
        assertEquals(30, JsonlDatasetReader.read(dir.resolve("a")).users().size());
        // regenerating into the same folder replaces it
        assertEquals(ExitCode.OK, run("datasets", "generate", "--seed", "4", "--users", "10", "--out", dir.resolve("a").toString()).exitCode());
        assertEquals(10, JsonlDatasetReader.read(dir.resolve("a")).users().size());
        assertEquals(List.of("a", "b"), names(dir));
    }

    @Test
    void generateRefusesBadKnobsAndForeignFolders(@TempDir Path dir) throws IOException {
        CliRun zero = run("datasets", "generate", "--seed", "1", "--users", "0", "--out", dir.resolve("x").toString());
        assertEquals(ExitCode.BAD_INPUT, zero.exitCode());
        assertTrue(zero.err().contains("users must be at least 1"), zero.err());
        Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dir.resolve("mine").resolve("notes.txt"), "keep me");
        CliRun foreign = run("datasets", "generate", "--seed", "1", "--users", "5", "--out", dir.resolve("mine").toString());
        assertEquals(ExitCode.BAD_INPUT, foreign.exitCode());
        assertTrue(foreign.err().contains("notes.txt"), foreign.err());
        assertEquals(List.of("notes.txt"), names(dir.resolve("mine")));
    }

    @Test
    void inspectPrintsTheCounts(@TempDir Path dir) {
        run("datasets", "generate", "--seed", "3", "--users", "12", "--out", dir.resolve("w").toString());
        CliRun outcome = run("datasets", "inspect", dir.resolve("w").toString());
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("\nusers             12\n"), outcome.out());
        assertTrue(outcome.out().contains("\nevidence          "), outcome.out());
        assertEquals(outcome.out(), run("datasets", "inspect", dir.resolve("w").toString()).out());
    }

    @Test
    void inspectOnPrefEvalNamesTopics() {
        assumeTrue(PrefEvalLocation.find().isPresent(), "PrefEval is not available here");
        CliRun outcome = run("datasets", "inspect", "prefeval");
        assertEquals(ExitCode.OK, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("\ntravel_restaurant "), outcome.out());
        assertTrue(outcome.out().contains("\ntotal "), outcome.out());
    }

    @Test
    void badFileEndsWithOneLineNamingFileLineAndFieldAndNoOutput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("turns.jsonl"), """
                {"user_id":"u","turn_id":"t1","role":"user","text":"hi","timestamp":1}
                {"user_id":"u","turn_id":"t2","role":"robot","text":"beep","timestamp":2}
                """);
        Files.writeString(dir.resolve("queries.jsonl"), "{\"user_id\":\"u\",\"query_id\":\"q\",\"question\":\"?\",\"evidence_turn_ids\":[\"t1\"]}\n");
        CliRun outcome = run("datasets", "inspect", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, outcome.exitCode());
        assertEquals("", outcome.out());
        assertEquals("adaptbench: " + dir.resolve("turns.jsonl") + ", line 2, field 'role': unknown role 'robot' (expected user or assistant)\n",
                outcome.err());
        assertFalse(outcome.err().contains("\tat "));
    }

    @Test
    void inspectOfAMissingFolderIsBadInput(@TempDir Path dir) {
        CliRun outcome = run("datasets", "inspect", dir.resolve("nothing").toString());
        assertEquals(ExitCode.BAD_INPUT, outcome.exitCode());
        assertTrue(outcome.err().contains("no such folder"), outcome.err());
    }
}
