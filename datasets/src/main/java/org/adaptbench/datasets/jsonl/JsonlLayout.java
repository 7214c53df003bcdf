package org.adaptbench.datasets.jsonl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.adaptbench.datasets.model.DatasetKind;
import org.adaptbench.datasets.model.TurnKind;

/**
 * File names and wire spellings of the JSONL layout shared by the generic import and the synthetic
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

    /** True when {@code folder} holds a {@code turns.jsonl}: the layout's one required data file. */
    public static boolean isJsonlFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(TURNS));
    }

    public static String wireName(TurnKind kind) {
        return wireName((Enum<?>) kind);
    }

    public static Optional<TurnKind> parseTurnKind(String text) {
        return parse(TurnKind.class, text);
    }

    public static String wireName(DatasetKind kind) {
        return wireName((Enum<?>) kind);
    }

    public static Optional<DatasetKind> parseDatasetKind(String text) {
        return parse(DatasetKind.class, text);
    }

    /** Enum constants travel in lower case ("implicit_choice", "synthetic"). */
    private static String wireName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.US);
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        for (E constant : type.getEnumConstants()) {
            if (wireName(constant).equals(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
