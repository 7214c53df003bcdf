package org.adaptbench.datasets.prefeval;

import java.nio.file.Path;
import java.util.Optional;
import org.adaptbench.datasets.io.SharedDatasets;

/**
 * Finds the shared PrefEval folder: the system property {@code adaptbench.prefeval} if set, else the
 * first {@code shared/datasets/prefeval} found walking up from the working directory (which covers
 * {@code ../shared/datasets/prefeval} beside a checkout).
 */
public final class PrefEvalLocation {

    public static final String PROPERTY = "adaptbench.prefeval";
    static final String NAME = "prefeval";

    private PrefEvalLocation() {
    }

    public static Optional<Path> find() {
        return SharedDatasets.find(NAME, PROPERTY);
    }

    static Optional<Path> findFrom(Path start) {
        return SharedDatasets.findFrom(start, NAME);
    }
}
