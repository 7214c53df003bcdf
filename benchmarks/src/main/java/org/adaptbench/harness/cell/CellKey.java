package org.adaptbench.harness.cell;

import java.util.Objects;

/**
 * One unit of work of a run, saved on completion so {@code --resume} can skip it.
 *
 * @param scenario scenario wire name
 * @param dataset data set name
 * @param cell the approach (or approach/variant) the cell measures
 */
public record CellKey(String scenario, String dataset, String cell) {

    public CellKey {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(cell, "cell");
    }

    /** A file name that is safe on every file system and unique per key. */
    public String fileName() {
        return sanitize(scenario) + "__" + sanitize(dataset) + "__" + sanitize(cell) + ".json";
    }

    private static String sanitize(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "+");
    }
}
