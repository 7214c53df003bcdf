package org.adaptbench.datasets.locomo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.adaptbench.datasets.DatasetLoader;
import org.adaptbench.datasets.LoadOptions;
import org.adaptbench.datasets.io.DatasetFormatException;
import org.adaptbench.datasets.jsonl.JsonlDatasetReader;
import org.adaptbench.datasets.jsonl.JsonlDatasetWriter;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.DatasetKind;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.UserData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LoCoMo loader on the shared development conversations and on small hand-written files. */
class LocomoLoaderTest {

    private static Dataset shared;

    @TempDir
    Path folder;

    @BeforeAll
    static void load() {
        shared = LocomoLocation.find().map(LocomoLoader::load).orElse(null);
    }

    @Test
    void theSharedConversationsLoadWithTheirQuirksCountedAndSaid() {
        assumeTrue(shared != null, "shared/datasets/locomo not found");
        assertEquals(DatasetKind.LOCOMO, shared.kind());
        assertEquals(List.of("conv-26", "conv-30", "conv-41"), shared.users().stream().map(UserData::userId).toList());
        assertEquals(1451, shared.turnCount(), "NOTICE.md: 1,451 dialogue turns");
        assertEquals(497, shared.queryCount(), "NOTICE.md: 497 QA items");
        assertTrue(shared.users().stream().allMatch(u -> u.history().stream().allMatch(t -> t.role() == Role.USER)));
        UserData conv26 = shared.users().get(0);
        assertTrue(conv26.history().get(0).text().startsWith("Caroline: "), conv26.history().get(0).text());
        assertEquals(Instant.parse("2023-05-08T13:56:00Z").toEpochMilli(), conv26.history().get(0).timestamp(), "1:56 pm on 8 May, 2023");
        Query first = conv26.queries().get(0);
        assertEquals("When did Caroline go to the LGBTQ support group?", first.question());
        assertEquals("7 May 2023", first.answer());
        assertEquals(List.of("D1:3"), first.evidenceTurnIds());
        assertEquals("category_2", first.group());
        assertEquals(conv26.history().size(), first.visibleTurns(), "asked after the whole conversation");

        List<Query> all = shared.users().stream().flatMap(u -> u.queries().stream()).toList();
        assertEquals(2, all.stream().filter(q -> q.evidenceTurnIds().isEmpty()).count(), "two items have an empty evidence list");
        assertTrue(all.stream().anyMatch(q -> q.evidenceTurnIds().equals(List.of("D8:6", "D9:17"))), "the double id is split");
        Map<String, Long> byCategory = all.stream().collect(Collectors.groupingBy(Query::group, Collectors.counting()));
        assertEquals(112L, byCategory.get("category_5"));
        assertTrue(all.stream().allMatch(q -> q.unanswerable() == q.group().equals("category_5")));
        assertTrue(all.stream().filter(q -> !q.unanswerable()).allMatch(Query::hasAnswer), "every answerable item has its answer");
        assertTrue(all.stream().filter(Query::unanswerable).noneMatch(Query::hasAnswer), "an adversarial answer is not a gold answer");
        assertEquals(3, shared.notes().size(), shared.notes().toString());
        assertTrue(shared.notes().get(0).contains("2 QA items with an empty evidence list"), shared.notes().get(0));
        assertTrue(shared.notes().get(1).contains("1 evidence string holding several turn ids"), shared.notes().get(1));
    }

    @Test
    void theWordLocomoAndAFileOrFolderPathAllLoad() throws IOException {
        assumeTrue(shared != null, "shared/datasets/locomo not found");
        assertEquals(shared.contentHash(), DatasetLoader.load(DatasetLoader.LOCOMO, LoadOptions.defaults(1)).contentHash());
        Path file = write(conversation("\"evidence\": [\"D1:2\"], \"category\": 1, \"answer\": 2022"));
        Dataset one = DatasetLoader.load(file.toString(), LoadOptions.defaults(1));
        assertEquals("2022", one.users().get(0).queries().get(0).answer(), "a numeric answer is kept as written");
        assertEquals(DatasetLoader.Layout.LOCOMO, DatasetLoader.detect(folder));
    }

    @Test
    void theJsonlConversionKeepsRetrievalAndAnswers() throws IOException {
        Path file = write(conversation("\"evidence\": [\"D1:2; D2:1\"], \"category\": 2, \"answer\": \"Tuesday\""));
        Dataset loaded = LocomoLoader.load(file);
        Path out = folder.resolve("jsonl");
        JsonlDatasetWriter.write(loaded, out);
        Dataset back = JsonlDatasetReader.read(out);
        assertEquals(DatasetKind.LOCOMO, back.kind());
        assertEquals(loaded.users().get(0).history(), back.users().get(0).history());
        assertEquals(loaded.users().get(0).queries(), back.users().get(0).queries());
    }

    @Test
    void badInputNamesFileSampleItemAndField() throws IOException {
        assertBad(write("[{\"sample_id\": \"s1\", \"conversation\": {"), "not valid JSON");
        DatasetFormatException unknown = assertBad(write(conversation("\"evidence\": [\"D9:9\"], \"category\": 1, \"answer\": \"x\"")),
                "names no turn of the conversation ('D9:9')");
        assertTrue(unknown.getMessage().contains("sample s1, qa item 0, field 'evidence[0]'"), unknown.getMessage());
        DatasetFormatException missing = assertBad(write(conversation("\"evidence\": [], \"category\": 1")), "field 'answer': is missing");
        assertTrue(missing.getMessage().contains("sample s1, qa item 0"), missing.getMessage());
        assertBad(write(conversation("\"evidence\": [], \"category\": 7, \"answer\": \"x\"")), "field 'category': must be 1 to 5");
        assertBad(write(conversation("\"evidence\": [], \"category\": 1, \"answer\": \"x\"").replace("\"session_2_date_time\": \"9:00 am on 9 May, 2023\",", "")),
                "field 'conversation.session_2_date_time': is missing");
        assertBad(write(conversation("\"evidence\": [], \"category\": 1, \"answer\": \"x\"").replace("\"speaker_b\": \"Bo\",", "")),
                "field 'conversation.speaker_b': is missing");
        assertBad(write(conversation("\"category\": 1, \"answer\": \"x\"")), "field 'evidence': is missing");
        assertBad(write(conversation("\"evidence\": [], \"category\": 1, \"answer\": \"x\"").replace("1:56 pm on 8 May, 2023", "May 8th")),
                "is not a date like");
    }

    private DatasetFormatException assertBad(Path file, String expected) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> LocomoLoader.load(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertFalse(e.getMessage().isBlank());
        return e;
    }

    /** One conversation of two sessions and one QA item whose fields after "question" are {@code qaFields}. */
    private static String conversation(String qaFields) {
        return "[{\"sample_id\": \"s1\", \"conversation\": {\"speaker_a\": \"Al\", \"speaker_b\": \"Bo\","
                + " \"session_1_date_time\": \"1:56 pm on 8 May, 2023\","
                + " \"session_1\": [{\"speaker\": \"Al\", \"dia_id\": \"D1:1\", \"text\": \"Hi Bo!\"},"
                + " {\"speaker\": \"Bo\", \"dia_id\": \"D1:2\", \"text\": \"Look at my dog\", \"img_url\": [\"u\"], \"blip_caption\": \"a dog\"}],"
                + " \"session_2_date_time\": \"9:00 am on 9 May, 2023\","
                + " \"session_2\": [{\"speaker\": \"Al\", \"dia_id\": \"D2:1\", \"text\": \"Tuesday works.\"}]},"
                + " \"qa\": [{\"question\": \"When?\", " + qaFields + "}]}]";
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(folder, "locomo", ".json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }
}
