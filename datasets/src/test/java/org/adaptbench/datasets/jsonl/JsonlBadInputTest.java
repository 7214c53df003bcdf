package org.adaptbench.datasets.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.adaptbench.datasets.io.DatasetFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed input ends in one DatasetFormatException naming file, location and field. */
class JsonlBadInputTest {

    private static final String TURNS = """
            {"user_id":"alice","turn_id":"a1","role":"user","text":"I am vegetarian.","timestamp":1000}
            {"user_id":"alice","turn_id":"a2","role":"assistant","text":"Noted.","timestamp":2000}
            """;
    private static final String QUERIES = """
            {"user_id":"alice","query_id":"q1","question":"What should I cook?","options":["Steak","Lentil curry"],"correct_index":1,"after_turn_id":"a2","evidence_turn_ids":["a1"]}
            """;

    /** One broken fixture: the file replaced, and what the error must name. */
    record Case(String name, String file, byte[] content, String location, String field, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case text(String name, String file, String content, String location, String field, String problem) {
        return new Case(name, file, content.getBytes(StandardCharsets.UTF_8), location, field, problem);
    }

    private static String query(String fields) {
        return "{\"user_id\":\"alice\",\"query_id\":\"q1\",\"question\":\"What should I cook?\"," + fields + "}\n";
    }

    private static String turn(String fields) {
        return TURNS + "{\"user_id\":\"alice\",\"turn_id\":\"a3\",\"role\":\"user\",\"text\":\"Hi\",\"timestamp\":3000," + fields + "}\n";
    }

    static Stream<Case> cases() {
        byte[] latin1 = "{\"user_id\":\"alice\",\"turn_id\":\"a1\",\"role\":\"user\",\"text\":\"caf\u00e9\",\"timestamp\":1}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                text("truncated JSON", "turns.jsonl", TURNS + "{\"user_id\":\"alice\",\"turn_id\":\"a3\",\"ro", "line 3, column", "", "not valid JSON"),
                text("missing text", "turns.jsonl", "{\"user_id\":\"alice\",\"turn_id\":\"a1\",\"role\":\"user\",\"timestamp\":1}\n", "line 1", "text", "is missing"),
                text("timestamp as string", "turns.jsonl", "{\"user_id\":\"alice\",\"turn_id\":\"a1\",\"role\":\"user\",\"text\":\"x\",\"timestamp\":\"noon\"}\n", "line 1", "timestamp", "expected an integer, found string"),
                text("fractional timestamp", "turns.jsonl", "{\"user_id\":\"alice\",\"turn_id\":\"a1\",\"role\":\"user\",\"text\":\"x\",\"timestamp\":1.5}\n", "line 1", "timestamp", "expected an integer"),
                text("unknown role", "turns.jsonl", "{\"user_id\":\"alice\",\"turn_id\":\"a1\",\"role\":\"system\",\"text\":\"x\",\"timestamp\":1}\n", "line 1", "role", "unknown role 'system'"),
                text("blank user id", "turns.jsonl", "{\"user_id\":\" \",\"turn_id\":\"a1\",\"role\":\"user\",\"text\":\"x\",\"timestamp\":1}\n", "line 1", "user_id", "is blank"),
                text("empty turns file", "turns.jsonl", "", "", "", "file is empty"),
                text("blank lines only", "queries.jsonl", "\n  \n\n", "", "", "file is empty"),
                new Case("not UTF-8", "turns.jsonl", latin1, "line 1", "", "not valid UTF-8"),
                text("line is an array", "turns.jsonl", "[1,2]\n", "line 1", "", "expected a JSON object, found array"),
                text("duplicate key", "turns.jsonl", "{\"user_id\":\"alice\",\"user_id\":\"bob\"}\n", "line 1, column", "", "Duplicate field 'user_id'"),
                text("trailing garbage", "turns.jsonl", "{\"user_id\":\"alice\"} 5\n", "line 1, column", "", "not valid JSON"),
                text("duplicate turn id", "turns.jsonl", TURNS + "{\"user_id\":\"alice\",\"turn_id\":\"a1\",\"role\":\"user\",\"text\":\"x\",\"timestamp\":5}\n", "line 3", "turn_id", "duplicate turn id 'a1' for user 'alice' (first on line 1)"),
                text("choice index out of range", "turns.jsonl", turn("\"choice\":{\"question\":\"Which?\",\"options\":[\"a\",\"b\"],\"chosen_index\":2}"), "line 3", "choice.chosen_index", "out of range 0..1"),
                text("choice option not a string", "turns.jsonl", turn("\"choice\":{\"question\":\"Which?\",\"options\":[\"a\",7],\"chosen_index\":0}"), "line 3", "choice.options[1]", "expected a string, found number 7"),
                text("unknown label kind", "turns.jsonl", turn("\"label\":{\"kind\":\"opinion\"}"), "line 3", "label.kind", "unknown kind 'opinion'"),
                text("statement label without option", "turns.jsonl", turn("\"label\":{\"kind\":\"statement\",\"dimension\":\"diet\"}"), "line 3", "label.option", "is needed for a statement label"),
                text("correct index out of range", "queries.jsonl", query("\"options\":[\"a\",\"b\",\"c\",\"d\"],\"correct_index\":4"), "line 1", "correct_index", "index 4 is out of range 0..3"),
                text("options without correct index", "queries.jsonl", query("\"options\":[\"a\",\"b\"]"), "line 1", "correct_index", "is missing"),
                text("correct index without options", "queries.jsonl", query("\"correct_index\":0,\"evidence_turn_ids\":[\"a1\"]"), "line 1", "correct_index", "has no options"),
                text("neither options, evidence nor answer", "queries.jsonl", query("\"after_turn_id\":\"a1\""), "line 1", "options", "found none"),
                text("evidence names unknown turn", "queries.jsonl", query("\"evidence_turn_ids\":[\"a1\",\"zz\"]"), "line 1", "evidence_turn_ids[1]", "unknown turn 'zz' for user 'alice'"),
                text("evidence after the query", "queries.jsonl", query("\"after_turn_id\":\"a1\",\"evidence_turn_ids\":[\"a2\"]"), "line 1", "evidence_turn_ids[0]", "comes after the point where the query is asked"),
                text("unknown after_turn_id", "queries.jsonl", query("\"after_turn_id\":\"a9\",\"evidence_turn_ids\":[\"a1\"]"), "line 1", "after_turn_id", "unknown turn 'a9'"),
                text("both positions", "queries.jsonl", query("\"after_turn_id\":\"a2\",\"timestamp\":5,\"evidence_turn_ids\":[\"a1\"]"), "line 1", "timestamp", "not both"),
                text("query for unknown user", "queries.jsonl", "{\"user_id\":\"bob\",\"query_id\":\"q1\",\"question\":\"Q?\",\"evidence_turn_ids\":[\"a1\"]}\n", "line 1", "user_id", "unknown user 'bob'"),
                text("duplicate query id", "queries.jsonl", QUERIES + QUERIES, "line 2", "query_id", "duplicate query id 'q1' (first on line 1)"),
                text("majority rate above one", "queries.jsonl", query("\"evidence_turn_ids\":[\"a1\"],\"majority_rate\":1.5"), "line 1", "majority_rate", "must lie in [0, 1]"),
                text("turn of a user not in users.jsonl", "users.jsonl", "{\"user_id\":\"bob\"}\n", "line 1", "user_id", "unknown user 'alice' (not in users.jsonl)"),
                text("attribute not a string", "users.jsonl", "{\"user_id\":\"alice\",\"attributes\":{\"age\":30}}\n", "line 1", "attributes.age", "expected a string, found number 30"),
                text("duplicate user", "users.jsonl", "{\"user_id\":\"alice\"}\n{\"user_id\":\"alice\"}\n", "line 2", "user_id", "duplicate user 'alice' (first on line 1)"),
                text("manifest of a newer format", "manifest.json", "{\"format\":\"adaptbench-jsonl\",\"format_version\":9}", "", "format_version", "not supported"),
                text("manifest truncated", "manifest.json", "{\"format\":\"adaptbench-jsonl\",", "line 1, column", "", "not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedInputIsRefusedWithFileLocationAndField(Case broken, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("turns.jsonl"), TURNS);
        Files.writeString(dir.resolve("queries.jsonl"), QUERIES);
        Files.write(dir.resolve(broken.file()), broken.content());
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> JsonlDatasetReader.read(dir));
        String where = broken.name() + ": " + e.getMessage();
        // "turn of a user not in users.jsonl" is reported in turns.jsonl, where the unknown user appears
        String file = broken.file().equals("users.jsonl") && broken.problem().startsWith("unknown user") ? "turns.jsonl" : broken.file();
        assertEquals(dir.resolve(file), e.file(), where);
        assertTrue(e.location().startsWith(broken.location()), where);
        assertEquals(broken.field(), e.field(), where);
        assertTrue(e.getMessage().contains(broken.problem()), where);
        assertTrue(e.getMessage().startsWith(dir.resolve(file).toString()), where);
    }

    @Test
    void missingQueriesFileIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("turns.jsonl"), TURNS);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> JsonlDatasetReader.read(dir));
        assertEquals(dir.resolve("queries.jsonl"), e.file());
        assertTrue(e.getMessage().endsWith("no such file"), e.getMessage());
    }

    @Test
    void overlongLineIsRefusedAtTheLimit(@TempDir Path dir) throws IOException {
        char[] text = new char[5000];
        Arrays.fill(text, 'x');
        Files.writeString(dir.resolve("turns.jsonl"), TURNS + "{\"user_id\":\"alice\",\"text\":\"" + new String(text) + "\"}\n");
        Files.writeString(dir.resolve("queries.jsonl"), QUERIES);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> JsonlDatasetReader.read(dir, 4096));
        assertEquals("line 3", e.location());
        assertTrue(e.getMessage().contains("longer than the limit of 4096 bytes"), e.getMessage());
        // one byte under the limit is fine: the same file passes a limit above its longest line
        assertEquals(3, JsonlDatasetReader.read(dirWithLine(dir.resolve("ok"), 100), 4096).turnCount());
    }

    private static Path dirWithLine(Path dir, int length) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("turns.jsonl"), TURNS + "{\"user_id\":\"alice\",\"turn_id\":\"a3\",\"role\":\"user\",\"text\":\""
                + "y".repeat(length) + "\",\"timestamp\":3}\n");
        Files.writeString(dir.resolve("queries.jsonl"), QUERIES);
        return dir;
    }

    @Test
    void fiftyMegabyteLineIsRefusedWithoutReadingItWhole(@TempDir Path dir) throws IOException {
        Path turns = dir.resolve("turns.jsonl");
        byte[] block = new byte[1 << 20];
        Arrays.fill(block, (byte) 'z');
        try (OutputStream out = Files.newOutputStream(turns)) {
            out.write(TURNS.getBytes(StandardCharsets.UTF_8));
            out.write("{\"user_id\":\"alice\",\"turn_id\":\"a3\",\"role\":\"user\",\"text\":\"".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 50; i++) {
                out.write(block);
            }
            out.write("\",\"timestamp\":3}\n".getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(dir.resolve("queries.jsonl"), QUERIES);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> JsonlDatasetReader.read(dir));
        assertEquals("line 3", e.location());
        assertTrue(e.getMessage().contains("longer than the limit of " + (8 << 20) + " bytes"), e.getMessage());
    }

    @Test
    void folderThatDoesNotExistIsNamed(@TempDir Path dir) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> JsonlDatasetReader.read(dir.resolve("nope")));
        assertTrue(e.getMessage().endsWith("no such folder"), e.getMessage());
    }

    @Test
    void everyCaseNamesAProblem() {
        Map<String, Case> names = new LinkedHashMap<>();
        cases().forEach(c -> assertEquals(null, names.put(c.name(), c), "duplicate case " + c.name()));
        assertTrue(names.size() >= 15);
    }
}
