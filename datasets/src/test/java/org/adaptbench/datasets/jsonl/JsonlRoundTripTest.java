package org.adaptbench.datasets.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adaptbench.datasets.io.ContentHash;
import org.adaptbench.datasets.model.Choice;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.DatasetKind;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.prefeval.PrefEvalForm;
import org.adaptbench.datasets.prefeval.PrefEvalLoader;
import org.adaptbench.datasets.prefeval.PrefEvalLocation;
import org.adaptbench.datasets.prefeval.PrefEvalOptions;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlRoundTripTest {

    /** The README's JSONL example: lines after "# turns.jsonl" and after "# queries.jsonl" in its jsonl block. */
    private static Map<String, String> readmeExample() throws IOException {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme);
        int start = text.indexOf("```jsonl\n");
        assertTrue(start >= 0, "README.md has no jsonl example");
        String block = text.substring(start + "```jsonl\n".length(), text.indexOf("```", start + 8));
        Map<String, String> files = new java.util.HashMap<>();
        String current = null;
        for (String line : block.split("\n")) {
            if (line.startsWith("# ")) {
                current = line.substring(2).trim();
                files.put(current, "");
            } else if (current != null) {
                files.put(current, files.get(current) + line + "\n");
            }
        }
        assertEquals(Set.of("turns.jsonl", "queries.jsonl"), files.keySet());
        return files;
    }

    @Test
    void syntheticWorldReadsBackEqual(@TempDir Path dir) {
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.defaults(5).withUsers(40));
        world.write(dir.resolve("world"));
        Dataset read = JsonlDatasetReader.read(dir.resolve("world"));
        assertEquals(DatasetKind.SYNTHETIC, read.kind());
        assertEquals(world.dataset(), read);
    }

    @Test
    void readmeExampleLoads(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, String> file : readmeExample().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        Dataset dataset = JsonlDatasetReader.read(dir);
        assertEquals(DatasetKind.JSONL, dataset.kind());
        assertEquals(dir.getFileName().toString(), dataset.name());
        UserData alice = dataset.users().get(0);
        assertEquals(3, alice.history().size());
        assertEquals(new TurnLabel(TurnKind.CHANGE, "diet", "pescatarian"), alice.history().get(2).label());
        assertEquals(TurnLabel.UNKNOWN, alice.history().get(0).label());
        Query order = alice.queries().get(0);
        assertEquals(2, order.visibleTurns());
        assertEquals(1, order.correctIndex());
        Query retrieval = alice.queries().get(1);
        assertFalse(retrieval.isMultipleChoice());
        assertEquals(-1, retrieval.correctIndex());
        assertEquals(3, retrieval.visibleTurns(), "a query at a turn's timestamp sees that turn");
        assertTrue(Double.isNaN(retrieval.majorityRate()));
        String expectedHash = new ContentHash()
                .add("turns.jsonl", ContentHash.ofFile(dir.resolve("turns.jsonl")))
                .add("queries.jsonl", ContentHash.ofFile(dir.resolve("queries.jsonl")))
                .value();
        assertEquals(expectedHash, dataset.contentHash());
    }

    @Test
    void genericDataSetWritesAndReadsBackEqual(@TempDir Path dir) {
        List<Turn> history = List.of(
                new Turn("x", Role.USER, "Which one?", 10, Optional.of(new Choice("Pick a colour", List.of("red", "blue"), 1)),
                        new TurnLabel(TurnKind.IMPLICIT_CHOICE, "colour", "blue")),
                Turn.of("y", Role.ASSISTANT, "Blue it is. \u00e9\u4e2d\ud83d\ude00 \"quoted\"\n", 20, TurnLabel.FILLER),
                Turn.of("z", Role.USER, "No label here", 30, TurnLabel.UNKNOWN));
        List<Query> queries = List.of(
                new Query("q0", "Before anything", List.of("a", "b"), 0, 0, List.of(), "", "", Double.NaN),
                new Query("q1", "Colour?", List.of("red", "blue"), 1, 1, List.of("x"), "colour", "colour=blue", 0.75),
                new Query("q2", "Where?", List.of(), -1, 3, List.of("x", "z"), "colour", "", Double.NaN));
        UserData user = new UserData("u1", history, queries, Map.of("b", "2", "a", "1"));
        UserData silent = new UserData("u2", List.of(), List.of(), Map.of());
        JsonlFiles files = JsonlDatasetWriter.encode(List.of(user, silent));
        Dataset dataset = new Dataset("mine", DatasetKind.JSONL, files.contentHash(), List.of(user, silent));
        JsonlDatasetWriter.write(dataset, dir.resolve("mine"));
        assertEquals(dataset, JsonlDatasetReader.read(dir.resolve("mine")));
    }

    @Test
    void turnsAreOrderedByTimestampKeepingFileOrderForTies(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("turns.jsonl"), """
                {"user_id":"u","turn_id":"late","role":"user","text":"3","timestamp":30}
                {"user_id":"u","turn_id":"tie-1","role":"user","text":"1","timestamp":10}
                {"user_id":"u","turn_id":"tie-2","role":"assistant","text":"2","timestamp":10}
                """);
        Files.writeString(dir.resolve("queries.jsonl"), """
                {"user_id":"u","query_id":"q","question":"?","timestamp":29,"evidence_turn_ids":["tie-2"]}
                """);
        UserData user = JsonlDatasetReader.read(dir).users().get(0);
        assertEquals(List.of("tie-1", "tie-2", "late"), user.history().stream().map(Turn::turnId).toList());
        assertEquals(2, user.queries().get(0).visibleTurns());
    }

    @Test
    void prefEvalWrittenAsJsonlReadsBackTheSameUsers(@TempDir Path dir) {
        Optional<Path> root = PrefEvalLocation.find();
        assumeTrue(root.isPresent(), "PrefEval is not available here");
        Dataset prefEval = PrefEvalLoader.load(root.get(), PrefEvalOptions.defaults(3).withFillerTurns(10)
                .withTopics(Set.of("shop_technology")).withForms(java.util.EnumSet.allOf(PrefEvalForm.class)));
        JsonlDatasetWriter.write(prefEval, dir.resolve("p"));
        Dataset read = JsonlDatasetReader.read(dir.resolve("p"));
        assertEquals(DatasetKind.PREFEVAL, read.kind());
        assertEquals(prefEval.name(), read.name());
        assertEquals(prefEval.users(), read.users());
    }
}
