package org.adaptbench.datasets.locomo;

import java.nio.file.Path;
import java.util.Optional;
import org.adaptbench.datasets.io.SharedDatasets;

/**
 * Finds the shared LoCoMo folder: the system property {@code adaptbench.locomo} if set, else the
 * first {@code shared/datasets/locomo} found walking up from the working directory.
 */
public final class LocomoLocation {

    public static final String PROPERTY = "adaptbench.locomo";
    static final String NAME = "locomo";

    private LocomoLocation() {
    }

    public static Optional<Path> find() {
        return SharedDatasets.find(NAME, PROPERTY);
    }
}
