package org.adaptbench.datasets.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a shared data folder: the system property naming it, if set, else the first
 * {@code shared/datasets/<name>} found walking up from the working directory (which covers
 * {@code ../shared/datasets/<name>} beside a checkout). Benchmark data is read from there and never
 * copied into the repository.
 */
public final class SharedDatasets {

    private SharedDatasets() {
    }

    /** {@code shared/datasets/<name>}, or the folder system property {@code property} names. */
    public static Optional<Path> find(String name, String property) {
        String value = System.getProperty(property);
        if (value != null && !value.isBlank()) {
            return Optional.of(Path.of(value));
        }
        return findFrom(Path.of("").toAbsolutePath(), name);
    }

    /** The first {@code shared/datasets/<name>} folder at or above {@code start}. */
    public static Optional<Path> findFrom(Path start, String name) {
        Path relative = Path.of("shared", "datasets", name);
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
