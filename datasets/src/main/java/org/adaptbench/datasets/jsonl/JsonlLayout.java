package org.adaptbench.datasets.jsonl;

import java.nio.file.Path;
import java.util.Set;
import org.adaptbench.datasets.io.InputFiles;

/**
 * File names and format marks of the JSONL layout shared by the generic import and the synthetic
 * world: {@code users.jsonl} (optional), {@code turns.jsonl}, {@code queries.jsonl}, and an optional
 * {@code manifest.json}.
 */
public final class JsonlLayout {

    public static final String USERS = "users.jsonl";
    public static final String TURNS = "turns.jsonl";
    public static final String QUERIES = "queries.jsonl";
    public static final String MANIFEST = "manifest.json";

    /** The name the manifest's {@code format} field carries. */
    public static final String FORMAT = "adaptbench-jsonl";
    public static final int FORMAT_VERSION = 1;

    /** Every file a writer of this layout may create (and may therefore replace). */
    public static final Set<String> FILES = Set.of(USERS, TURNS, QUERIES, MANIFEST);

    private JsonlLayout() {
    }

    /**
     * True when {@code folder} holds a {@code turns.jsonl}, the layout's one required data file: anything
     * of that name counts, so that a folder or a FIFO in its place is reported as such by the reader.
     */
    public static boolean isJsonlFolder(Path folder) {
        return InputFiles.present(folder.resolve(TURNS));
    }
}
