package org.adaptbench.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.adaptbench.datasets.io.DatasetFormatException;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.DatasetKind;
import org.adaptbench.datasets.prefeval.PrefEvalLocation;
import org.adaptbench.datasets.prefeval.PrefEvalOptions;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    private static final LoadOptions OPTIONS = LoadOptions.defaults(9).withSynthetic(SyntheticConfig.defaults(9).withUsers(15));

    @Test
    void syntheticIsGeneratedFromTheConfig() {
        Dataset dataset = DatasetLoader.load("synthetic", OPTIONS);
        assertEquals(DatasetKind.SYNTHETIC, dataset.kind());
        assertEquals(SyntheticWorld.generate(OPTIONS.synthetic()).dataset(), dataset);
    }

    @Test
    void writtenWorldIsDetectedAsJsonlAndLoadsAsSynthetic(@TempDir Path dir) {
        SyntheticWorld world = SyntheticWorld.generate(OPTIONS.synthetic());
        world.write(dir.resolve("w"));
        assertEquals(DatasetLoader.Layout.JSONL, DatasetLoader.detect(dir.resolve("w")));
        assertEquals(world.dataset(), DatasetLoader.load(dir.resolve("w").toString(), OPTIONS));
    }

    @Test
    void genericFolderLoadsAsJsonl(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("turns.jsonl"), "{\"user_id\":\"u\",\"turn_id\":\"t\",\"role\":\"user\",\"text\":\"hi\",\"timestamp\":1}\n");
        Files.writeString(dir.resolve("queries.jsonl"), "{\"user_id\":\"u\",\"query_id\":\"q\",\"question\":\"?\",\"evidence_turn_ids\":[\"t\"]}\n");
        Dataset dataset = DatasetLoader.load(dir.toString(), OPTIONS);
        assertEquals(DatasetKind.JSONL, dataset.kind());
        assertEquals(1, dataset.queryCount());
    }

    @Test
    void prefEvalByNameAndByPath() {
        Optional<Path> root = PrefEvalLocation.find();
        assumeTrue(root.isPresent(), "PrefEval is not available here");
        LoadOptions options = OPTIONS.withPrefEval(PrefEvalOptions.defaults(9).withTopics(java.util.Set.of("pet_ownership")));
        Dataset byName = DatasetLoader.load("prefeval", options);
        assertEquals(DatasetKind.PREFEVAL, byName.kind());
        assertEquals(DatasetLoader.Layout.PREFEVAL, DatasetLoader.detect(root.get()));
        assertEquals(byName, DatasetLoader.load(root.get().toString(), options));
        assertEquals(byName, DatasetLoader.load("prefeval", options.withPrefEvalRoot(root.get())));
    }

    @Test
    void anythingElseIsBadInput(@TempDir Path dir) throws IOException {
        DatasetFormatException missing = assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(dir.resolve("nope").toString(), OPTIONS));
        assertTrue(missing.getMessage().contains("no such folder"), missing.getMessage());
        Files.writeString(dir.resolve("file.txt"), "x");
        assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(dir.resolve("file.txt").toString(), OPTIONS));
        DatasetFormatException empty = assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(dir.toString(), OPTIONS));
        assertTrue(empty.getMessage().contains("not a data set folder"), empty.getMessage());
        DatasetFormatException noPrefEval = assertThrows(DatasetFormatException.class,
                () -> DatasetLoader.load("prefeval", OPTIONS.withPrefEvalRoot(dir.resolve("absent"))));
        assertTrue(noPrefEval.getMessage().contains("no such folder"), noPrefEval.getMessage());
    }
}
