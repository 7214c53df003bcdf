package org.adaptbench.datasets.prefeval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.adaptbench.datasets.io.DatasetFormatException;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.UserData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the shared PrefEval folder (skipped where it is absent) and checks the loader against the raw JSON. */
class PrefEvalLoaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path root;
    private static Dataset all;

    @BeforeAll
    static void load() {
        root = PrefEvalLocation.find().orElse(null);
        assumeTrue(root != null && Files.isDirectory(root), "PrefEval is not available here");
        all = PrefEvalLoader.load(root, PrefEvalOptions.defaults(7));
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(file.toFile());
    }

    private static Map<String, JsonNode> topicFiles(Path folder) throws IOException {
        Map<String, JsonNode> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.filter(f -> f.toString().endsWith(".json")).toList()) {
                files.put(file.getFileName().toString().replace(".json", ""), read(file));
            }
        }
        return files;
    }

    @Test
    void oneUserPerItemOfEveryFormAndTopic() throws IOException {
        Map<String, Integer> loaded = new HashMap<>();
        for (UserData user : all.users()) {
            loaded.merge(user.attributes().get("form") + "/" + user.attributes().get("topic"), 1, Integer::sum);
            assertEquals(1, user.queries().size());
        }
        int total = 0;
        for (PrefEvalForm form : PrefEvalForm.values()) {
            for (Map.Entry<String, JsonNode> topic : topicFiles(root.resolve(form.folder())).entrySet()) {
                assertEquals(topic.getValue().size(), loaded.get(form.wireName() + "/" + topic.getKey()), form + "/" + topic.getKey());
                total += topic.getValue().size();
            }
        }
        assertEquals(total, all.users().size());
        assertEquals(total, all.queryCount());
    }

    @Test
    void queriesUseTheMcqOptionsWithTheFirstOneCorrect() throws IOException {
        Map<String, JsonNode> mcq = topicFiles(root.resolve(PrefEvalLoader.MCQ_FOLDER));
        int[] positions = new int[4];
        for (UserData user : all.users()) {
            JsonNode item = mcq.get(user.attributes().get("topic")).get(Integer.parseInt(user.attributes().get("item")));
            Query query = user.queries().get(0);
            List<String> expected = new ArrayList<>();
            item.get("classification_task_options").forEach(option -> expected.add(option.asText()));
            assertEquals(item.get("question").asText(), query.question());
            assertEquals(expected.get(0), query.options().get(query.correctIndex()), user.userId());
            assertEquals(new HashSet<>(expected), new HashSet<>(query.options()));
            assertEquals(user.attributes().get("topic"), query.dimension());
            assertEquals(user.attributes().get("form") + "/" + user.attributes().get("topic"), query.group());
            assertTrue(Double.isNaN(query.majorityRate()));
            assertEquals(user.history().size(), query.visibleTurns());
            positions[query.correctIndex()]++;
        }
        for (int count : positions) {
            assertTrue(count > all.users().size() / 8, "correct option positions: " + java.util.Arrays.toString(positions));
        }
    }

    @Test
    void shuffleDependsOnTheSeedOnly() {
        Dataset again = PrefEvalLoader.load(root, PrefEvalOptions.defaults(7));
        assertEquals(all, again);
        Dataset other = PrefEvalLoader.load(root, PrefEvalOptions.defaults(8));
        assertNotEquals(all.users().stream().map(u -> u.queries().get(0).options()).toList(),
                other.users().stream().map(u -> u.queries().get(0).options()).toList());
        assertEquals(all.contentHash(), other.contentHash());
        // filters never change how a kept item is shuffled
        Dataset explicitOnly = PrefEvalLoader.load(root, PrefEvalOptions.defaults(7).withForms(EnumSet.of(PrefEvalForm.EXPLICIT)));
        Map<String, UserData> byId = new HashMap<>();
        all.users().forEach(u -> byId.put(u.userId(), u));
        explicitOnly.users().forEach(u -> assertEquals(byId.get(u.userId()), u));
    }

    @Test
    void evidencePointsAtThePreferenceForEachForm() throws IOException {
        Map<PrefEvalForm, Map<String, JsonNode>> files = new HashMap<>();
        for (PrefEvalForm form : PrefEvalForm.values()) {
            files.put(form, topicFiles(root.resolve(form.folder())));
        }
        for (UserData user : all.users()) {
            PrefEvalForm form = PrefEvalForm.parse(user.attributes().get("form")).orElseThrow();
            JsonNode item = files.get(form).get(user.attributes().get("topic"))
                    .get(Integer.parseInt(user.attributes().get("item")));
            List<String> evidence = user.queries().get(0).evidenceTurnIds();
            Map<String, Turn> byId = new HashMap<>();
            user.history().forEach(t -> byId.put(t.turnId(), t));
            switch (form) {
                case EXPLICIT -> {
                    assertEquals(List.of("t0"), evidence);
                    assertEquals(item.get("preference").asText(), byId.get("t0").text());
                    assertEquals(TurnKind.STATEMENT, byId.get("t0").label().kind());
                }
                case CHOICE -> {
                    assertEquals(1, evidence.size());
                    Turn pick = byId.get(evidence.get(0));
                    assertEquals(item.get("conversation").get("user_selection").asText(), pick.text());
                    assertEquals(item.get("aligned_op").asText(), pick.choice().orElseThrow().chosen());
                    assertEquals(TurnKind.IMPLICIT_CHOICE, pick.label().kind());
                }
                case PERSONA -> {
                    List<String> userTexts = new ArrayList<>();
                    for (int k = 0; k < item.get("conversation").size(); k++) {
                        userTexts.add(item.get("conversation").get(Integer.toString(k)).get("user").asText());
                    }
                    assertEquals(userTexts, evidence.stream().map(id -> byId.get(id).text()).toList());
                    assertEquals(2 * userTexts.size(), user.history().size());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10, 30, 100, 300})
    void fillerLengthensEveryHistoryByExactlyTheRequestedTurns(int turns) throws IOException {
        PrefEvalOptions options = PrefEvalOptions.defaults(7).withFillerTurns(turns)
                .withTopics(Set.of("pet_ownership", "shop_technology"));
        Dataset padded = PrefEvalLoader.load(root, options);
        Set<String> fillerTexts = new HashSet<>();
        for (JsonNode conversation : read(root.resolve(PrefEvalLoader.FILLER_FILE))) {
            conversation.get("conversation").forEach(message -> fillerTexts.add(message.get("content").asText()));
        }
        Map<String, UserData> bare = new HashMap<>();
        all.users().forEach(u -> bare.put(u.userId(), u));
        assertEquals(3 * (43 + 35), padded.users().size());
        for (UserData user : padded.users()) {
            List<Turn> base = bare.get(user.userId()).history();
            assertEquals(base.size() + turns, user.history().size(), user.userId());
            assertEquals(base, user.history().subList(0, base.size()));
            for (Turn turn : user.history().subList(base.size(), user.history().size())) {
                assertEquals(TurnKind.FILLER, turn.label().kind());
                assertTrue(fillerTexts.contains(turn.text()));
            }
            assertEquals(user.history().size(), user.queries().get(0).visibleTurns());
            if (turns > 0) {
                assertEquals(Role.USER, user.history().get(base.size()).role(), "filler starts at a conversation start");
            }
        }
        assertEquals(padded, PrefEvalLoader.load(root, options));
    }

    @Test
    void fillerStartsVaryWithTheSeed() {
        PrefEvalOptions options = PrefEvalOptions.defaults(7).withFillerTurns(10).withTopics(Set.of("shop_technology"));
        Set<String> firstFiller = new HashSet<>();
        Dataset padded = PrefEvalLoader.load(root, options);
        padded.users().forEach(u -> firstFiller.add(u.history().get(u.history().size() - 10).text()));
        assertTrue(firstFiller.size() > 5, "filler starts: " + firstFiller.size());
        assertNotEquals(padded, PrefEvalLoader.load(root, PrefEvalOptions.defaults(8).withFillerTurns(10).withTopics(Set.of("shop_technology"))));
    }

    @Test
    void filtersSelectFormsAndTopics() {
        Dataset some = PrefEvalLoader.load(root, PrefEvalOptions.defaults(7)
                .withForms(EnumSet.of(PrefEvalForm.CHOICE, PrefEvalForm.PERSONA))
                .withExcludedTopics(Set.of("travel_restaurant")));
        assertTrue(some.users().stream().noneMatch(u -> u.attributes().get("form").equals("explicit")));
        assertTrue(some.users().stream().noneMatch(u -> u.attributes().get("topic").equals("travel_restaurant")));
        assertEquals(2 * (all.users().size() / 3 - 56), some.users().size());
        DatasetFormatException unknown = assertThrows(DatasetFormatException.class,
                () -> PrefEvalLoader.load(root, PrefEvalOptions.defaults(7).withTopics(Set.of("no_such_topic"))));
        assertTrue(unknown.getMessage().contains("no_such_topic"), unknown.getMessage());
    }

    @Test
    void itemsPerTopicKeepsTheSameSeededSampleInEveryForm() {
        PrefEvalOptions options = PrefEvalOptions.defaults(7).withItemsPerTopic(3);
        Dataset sample = PrefEvalLoader.load(root, options);
        Map<String, Set<String>> itemsByTopicAndForm = new TreeMap<>();
        for (UserData user : sample.users()) {
            itemsByTopicAndForm.computeIfAbsent(user.attributes().get("topic") + "/" + user.attributes().get("form"), k -> new HashSet<>())
                    .add(user.attributes().get("item"));
        }
        assertEquals(3 * PrefEvalLoader.topics(root).size(), itemsByTopicAndForm.size());
        for (String topic : PrefEvalLoader.topics(root)) {
            Set<String> explicit = itemsByTopicAndForm.get(topic + "/explicit");
            assertEquals(3, explicit.size(), topic);
            assertEquals(explicit, itemsByTopicAndForm.get(topic + "/choice"), topic);
            assertEquals(explicit, itemsByTopicAndForm.get(topic + "/persona"), topic);
        }
        Map<String, UserData> byId = new HashMap<>();
        all.users().forEach(u -> byId.put(u.userId(), u));
        sample.users().forEach(u -> assertEquals(byId.get(u.userId()), u));
        assertEquals(sample, PrefEvalLoader.load(root, options));
        assertNotEquals(sample.users().stream().map(UserData::userId).toList(),
                PrefEvalLoader.load(root, PrefEvalOptions.defaults(8).withItemsPerTopic(3)).users().stream().map(UserData::userId).toList());
    }

    /** Copies two real topics under new names into a folder of PrefEval's layout. */
    private static Path customCopy(Path dir) throws IOException {
        Map<String, String> renamed = Map.of("pet_ownership", "aa_pets", "shop_technology", "zz_gadgets");
        for (String folder : List.of(PrefEvalLoader.MCQ_FOLDER, PrefEvalForm.EXPLICIT.folder(), PrefEvalForm.CHOICE.folder(), PrefEvalForm.PERSONA.folder())) {
            Files.createDirectories(dir.resolve(folder));
            for (Map.Entry<String, String> topic : renamed.entrySet()) {
                Files.copy(root.resolve(folder).resolve(topic.getKey() + ".json"), dir.resolve(folder).resolve(topic.getValue() + ".json"));
            }
        }
        return dir;
    }

    @Test
    void worksForWhateverTopicsArePresent(@TempDir Path dir) throws IOException {
        Path copy = customCopy(dir);
        assertEquals(Set.of("aa_pets", "zz_gadgets"), PrefEvalLoader.topics(copy));
        Dataset custom = PrefEvalLoader.load(copy, PrefEvalOptions.defaults(7));
        assertEquals(3 * (43 + 35), custom.users().size());
        assertTrue(custom.users().stream().allMatch(u -> Set.of("aa_pets", "zz_gadgets").contains(u.queries().get(0).dimension())));
        // filler is only needed when asked for
        assertThrows(DatasetFormatException.class, () -> PrefEvalLoader.load(copy, PrefEvalOptions.defaults(7).withFillerTurns(10)));
    }

    @Test
    void contentHashCoversTheSourceFiles(@TempDir Path dir) throws IOException {
        Path copy = customCopy(dir);
        String before = PrefEvalLoader.load(copy, PrefEvalOptions.defaults(7)).contentHash();
        assertEquals(before, PrefEvalLoader.load(copy, PrefEvalOptions.defaults(99)).contentHash());
        Path file = copy.resolve(PrefEvalForm.EXPLICIT.folder()).resolve("aa_pets.json");
        ArrayNode items = (ArrayNode) read(file);
        ((ObjectNode) items.get(0)).put("preference", "I love parrots.");
        Files.writeString(file, JSON.writeValueAsString(items));
        assertNotEquals(before, PrefEvalLoader.load(copy, PrefEvalOptions.defaults(7)).contentHash());
    }

    /** Rewrites item 0 of a copied topic file and expects a named failure. */
    private static DatasetFormatException corrupt(Path dir, String folder, java.util.function.Consumer<ObjectNode> change) throws IOException {
        Path copy = customCopy(dir);
        Path file = copy.resolve(folder).resolve("aa_pets.json");
        ArrayNode items = (ArrayNode) read(file);
        change.accept((ObjectNode) items.get(0));
        Files.writeString(file, JSON.writeValueAsString(items));
        return assertThrows(DatasetFormatException.class, () -> PrefEvalLoader.load(copy, PrefEvalOptions.defaults(7)));
    }

    @Test
    void mcqThatDoesNotLineUpIsRefused(@TempDir Path dir) throws IOException {
        DatasetFormatException e = corrupt(dir, PrefEvalLoader.MCQ_FOLDER, item -> item.put("question", "Something else?"));
        assertEquals("item 0", e.location());
        assertEquals("question", e.field());
    }

    @Test
    void alignedOptionMustBeOffered(@TempDir Path dir) throws IOException {
        DatasetFormatException e = corrupt(dir, PrefEvalForm.CHOICE.folder(), item -> item.put("aligned_op", "Not an option."));
        assertEquals("aligned_op", e.field());
        assertTrue(e.getMessage().contains("aa_pets.json"), e.getMessage());
    }

    @Test
    void personaKeysMustBeTurnNumbers(@TempDir Path dir) throws IOException {
        DatasetFormatException e = corrupt(dir, PrefEvalForm.PERSONA.folder(),
                item -> ((ObjectNode) item.get("conversation")).set("first", JSON.createObjectNode()));
        assertEquals("conversation.first", e.field());
    }

    @Test
    void missingPreferenceIsNamed(@TempDir Path dir) throws IOException {
        DatasetFormatException e = corrupt(dir, PrefEvalForm.EXPLICIT.folder(), item -> item.remove("preference"));
        assertEquals("item 0", e.location());
        assertEquals("preference", e.field());
    }

    @Test
    void truncatedTopicFileIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path copy = customCopy(dir);
        Path file = copy.resolve(PrefEvalForm.EXPLICIT.folder()).resolve("zz_gadgets.json");
        String text = Files.readString(file);
        Files.writeString(file, text.substring(0, text.length() / 2));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> PrefEvalLoader.load(copy, PrefEvalOptions.defaults(7)));
        assertTrue(e.location().startsWith("line "), e.getMessage());
        assertTrue(e.getMessage().contains("zz_gadgets.json"), e.getMessage());
    }

    @Test
    void missingMcqFileIsNamed(@TempDir Path dir) throws IOException {
        Path copy = customCopy(dir);
        Files.delete(copy.resolve(PrefEvalLoader.MCQ_FOLDER).resolve("aa_pets.json"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> PrefEvalLoader.load(copy, PrefEvalOptions.defaults(7)));
        assertTrue(e.getMessage().contains("aa_pets.json") && e.getMessage().contains("no such file"), e.getMessage());
    }
}
