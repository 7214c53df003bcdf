package org.adaptbench.datasets.prefeval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared PrefEval folder: the system property {@code adaptbench.prefeval} if set, else the
 * first {@code shared/datasets/prefeval} found walking up from the working directory (which covers
 * {@code ../shared/datasets/prefeval} beside a checkout).
 */
public final class PrefEvalLocation {

    public static final String PROPERTY = "adaptbench.prefeval";
    private static final Path RELATIVE = Path.of("shared", "datasets", "prefeval");

    private PrefEvalLocation() {
    }

    public static Optional<Path> find() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property));
        }
        return findFrom(Path.of("").toAbsolutePath());
    }

    static Optional<Path> findFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
