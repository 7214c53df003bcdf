package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code datasets inspect} and {@code run} read a data set through one validator: whatever one
 * refuses the other refuses, with the same one-line message naming the file, the line and the field
 * (issue 15, item 6), and a folder, FIFO, unreadable file or link loop in a data file's place is
 * refused before it is opened (item 10). Nothing is written and no stack trace is printed.
 */
class DatasetInputTest {

    private static final String TURNS = "{\"user_id\":\"u1\",\"turn_id\":\"t1\",\"role\":\"user\",\"text\":\"I am vegetarian.\",\"timestamp\":1}\n"
            + "{\"user_id\":\"u1\",\"turn_id\":\"t2\",\"role\":\"assistant\",\"text\":\"Noted.\",\"timestamp\":2}\n";
    private static final String USERS = "{\"user_id\":\"u1\"}\n";

    private static String query(String fields) {
        return "{\"user_id\":\"u1\",\"query_id\":\"q1\",\"question\":\"Dinner?\"," + fields + "}\n";
    }

    /** What inspect used to accept and a run could not use: the file, its content, and what the message names. */
    record Content(String name, String file, String content, String named) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Content> unusableContent() {
        return Stream.of(
                new Content("empty text", "turns.jsonl", TURNS.replace("I am vegetarian.", ""), "turns.jsonl, line 1, field 'text': is empty"),
                new Content("empty question", "queries.jsonl", query("\"options\":[\"Steak\",\"Curry\"],\"correct_index\":1")
                        .replace("Dinner?", ""), "queries.jsonl, line 1, field 'question': is empty"),
                new Content("empty option", "queries.jsonl", query("\"options\":[\"Steak\",\"\"],\"correct_index\":1"),
                        "queries.jsonl, line 1, field 'options[1]': is empty"),
                new Content("duplicate options", "queries.jsonl", query("\"options\":[\"Curry\",\"Curry\"],\"correct_index\":1"),
                        "queries.jsonl, line 1, field 'options[1]': repeats options[0] ('Curry')"),
                new Content("duplicate evidence ids", "queries.jsonl", query("\"evidence_turn_ids\":[\"t1\",\"t1\"]"),
                        "queries.jsonl, line 1, field 'evidence_turn_ids[1]': repeats evidence_turn_ids[0] ('t1')"),
                new Content("lone surrogate in an id", "turns.jsonl", TURNS.replace("\"t2\"", "\"t\\udfff\""),
                        "turns.jsonl, line 2, field 'turn_id': holds a lone UTF-16 surrogate \\uDFFF"));
    }

    /** A kind of thing in a data file's place. */
    enum Kind { FOLDER, FIFO, UNREADABLE, SYMLINK_LOOP, DANGLING_LINK }

    record Misplaced(Kind kind, String file, String named) {
        @Override
        public String toString() {
            return kind + " as " + file;
        }
    }

    static Stream<Misplaced> misplacedFiles() {
        Stream.Builder<Misplaced> cases = Stream.builder();
        for (String file : new String[] {"turns.jsonl", "queries.jsonl", "users.jsonl"}) {
            cases.add(new Misplaced(Kind.FOLDER, file, "is a folder, not a file"));
            cases.add(new Misplaced(Kind.FIFO, file, "is a special file (a FIFO, socket or device), not a regular file"));
            // "permission denied" for a user; as root, a kernel attribute that refuses reads
            cases.add(new Misplaced(Kind.UNREADABLE, file, "cannot be read ("));
            cases.add(new Misplaced(Kind.SYMLINK_LOOP, file, "is a symbolic link loop"));
            cases.add(new Misplaced(Kind.DANGLING_LINK, file, "a symbolic link to nothing"));
        }
        return cases.build();
    }

    private static Path dataSet(Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("turns.jsonl"), TURNS);
        Files.writeString(folder.resolve("queries.jsonl"), query("\"options\":[\"Steak\",\"Curry\"],\"correct_index\":1"));
        Files.writeString(folder.resolve("users.jsonl"), USERS);
        return folder;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableContent")
    void inspectAndRunRefuseTheSameContent(Content bad, @TempDir Path dir) throws Exception {
        Path data = dataSet(dir.resolve("data"));
        Files.writeString(data.resolve(bad.file()), bad.content());
        assertBothRefuse(dir, data, data.resolve(bad.file()) + bad.named().substring(bad.file().length()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misplacedFiles")
    void somethingOtherThanAFileInADataFilesPlaceIsRefused(Misplaced bad, @TempDir Path dir) throws Exception {
        Path data = dataSet(dir.resolve("data"));
        Path file = data.resolve(bad.file());
        String content = Files.readString(file);
        Files.delete(file);
        try (HostileFiles hostile = new HostileFiles()) {
            switch (bad.kind()) {
                case FOLDER -> Files.createDirectory(file);
                case FIFO -> hostile.fifo(file);
                case UNREADABLE -> hostile.unreadable(file, content);
                case SYMLINK_LOOP -> hostile.symlinkLoop(file);
                case DANGLING_LINK -> Files.createSymbolicLink(file, data.resolve("gone.jsonl"));
            }
            // a FIFO must be refused without opening it: opening one blocks until a writer comes, which never does
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertBothRefuse(dir, data, file + ": " + bad.named()));
        }
    }

    private static void assertBothRefuse(Path dir, Path data, String expected) {
        CliRun inspect = CliRun.of("datasets", "inspect", data.toString());
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("run", "--suite", "smoke", "--dataset", data.toString(), "--out", out.toString());
        for (CliRun refused : new CliRun[] {inspect, run}) {
            refused.assertRefusedInOneLine(expected);
        }
        assertEquals(inspect.err(), run.err(), "one validator, one message");
        assertTrue(inspect.out().isEmpty(), "inspect prints nothing but the error: " + inspect.out());
        assertFalse(Files.exists(out), "nothing is written");
    }
}
