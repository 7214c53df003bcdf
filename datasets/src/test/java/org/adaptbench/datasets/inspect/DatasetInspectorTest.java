package org.adaptbench.datasets.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.adaptbench.datasets.LoadOptions;
import org.adaptbench.datasets.prefeval.PrefEvalForm;
import org.adaptbench.datasets.prefeval.PrefEvalLocation;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetInspectorTest {

    private static final LoadOptions OPTIONS = LoadOptions.defaults(1);

    @Test
    void genericFolderReportIsExact(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("mine");
        Files.createDirectories(data);
        Files.writeString(data.resolve("turns.jsonl"), """
                {"user_id":"u","turn_id":"t1","role":"user","text":"I like tea.","timestamp":1,"label":{"kind":"statement","dimension":"drink","option":"tea"}}
                {"user_id":"u","turn_id":"t2","role":"assistant","text":"Noted.","timestamp":2}
                """);
        Files.writeString(data.resolve("queries.jsonl"), """
                {"user_id":"u","query_id":"q1","question":"Drink?","options":["tea","coffee","water"],"correct_index":0,"evidence_turn_ids":["t1"],"dimension":"drink"}
                {"user_id":"u","query_id":"q2","question":"Where?","evidence_turn_ids":["t1"]}
                """);
        String report = DatasetInspector.inspect(data.toString(), OPTIONS);
        String hash = org.adaptbench.datasets.jsonl.JsonlDatasetReader.read(data).contentHash();
        assertEquals("""
                data set          mine (jsonl)
                content hash      %s
                users             1
                turns             2 (user 1, assistant 1)
                queries           2 (multiple choice 1, retrieval only 1)
                options           3
                evidence          2 turn ids
                turn labels       statement 1, unknown 1

                dimension                     queries
                (none)                              1
                drink                               1
                """.formatted(hash), report);
    }

    @Test
    void syntheticFolderReportCountsTheWorld(@TempDir Path dir) {
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.defaults(4).withUsers(25));
        world.write(dir.resolve("w"));
        String report = DatasetInspector.inspect(dir.resolve("w").toString(), OPTIONS);
        assertTrue(report.startsWith("data set          synthetic (synthetic)\n"), report);
        assertTrue(report.contains("\nusers             25\n"), report);
        assertTrue(report.contains(String.format(Locale.US, "\nqueries           %d (multiple choice %d, retrieval only 0)\n",
                world.dataset().queryCount(), world.dataset().queryCount())), report);
        assertTrue(report.contains(String.format(Locale.US, "\nmajority ceiling  %.4f", world.majorityCeiling())), report);
        assertEquals(report, DatasetInspector.inspect(dir.resolve("w").toString(), OPTIONS));
    }

    @Test
    void prefEvalReportNamesEveryTopicWithItsItemsPerForm() throws IOException {
        Optional<Path> root = PrefEvalLocation.find();
        assumeTrue(root.isPresent(), "PrefEval is not available here");
        String report = DatasetInspector.inspect(root.get().toString(), OPTIONS);
        ObjectMapper json = new ObjectMapper();
        int[] totals = new int[PrefEvalForm.values().length];
        try (Stream<Path> files = Files.list(root.get().resolve("mcq_options"))) {
            for (Path file : files.sorted().toList()) {
                String topic = file.getFileName().toString().replace(".json", "");
                StringBuilder row = new StringBuilder(String.format(Locale.US, "%-28s", topic));
                int sum = 0;
                for (PrefEvalForm form : PrefEvalForm.values()) {
                    int items = json.readTree(root.get().resolve(form.folder()).resolve(topic + ".json").toFile()).size();
                    row.append(String.format(Locale.US, " %8d", items));
                    totals[form.ordinal()] += items;
                    sum += items;
                }
                row.append(String.format(Locale.US, " %8d", sum));
                assertTrue(report.contains("\n" + row + "\n"), () -> "missing row " + row + " in\n" + report);
            }
        }
        int total = totals[0] + totals[1] + totals[2];
        assertTrue(report.contains(String.format(Locale.US, "\ntotal                        %8d %8d %8d %8d\n", totals[0], totals[1], totals[2], total)), report);
        assertTrue(report.contains(String.format(Locale.US, "\nusers             %d\n", total)), report);
        assertTrue(report.contains(String.format(Locale.US, "\noptions           %d\n", 4 * total)), report);
        assertEquals(report, DatasetInspector.inspect("prefeval", OPTIONS));
    }
}
