package org.adaptbench.harness.cell;

import java.util.Objects;

/**
 * One unit of work of a run, saved on completion so {@code --resume} can skip it.
 *
 * @param scenario scenario wire name
 * @param dataset data set name (unique within the run)
 * @param dataHash content hash of the data the cell was measured on
 * @param cell the approach (or approach/variant) the cell measures
 */
public record CellKey(String scenario, String dataset, String dataHash, String cell) {

    public CellKey {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(dataHash, "dataHash");
        Objects.requireNonNull(cell, "cell");
    }

    /**
     * A file name that is safe on every file system and unique per key and run: the readable parts,
     * then the run's fingerprint (configuration, data, code) and the cell's data hash, so a cell of
     * another run, or of other data, is never taken for this one.
     */
    public String fileName(String runFingerprint) {
        return sanitize(scenario) + "__" + sanitize(dataset) + "__" + sanitize(cell) + "__" + fingerprintPart(runFingerprint)
                + "." + dataHash.substring(0, Math.min(8, dataHash.length())) + ".json";
    }

    /** The part of a cell's file name that names its run: the first 12 hex digits of the run's fingerprint. */
    static String fingerprintPart(String runFingerprint) {
        return runFingerprint.substring(0, Math.min(12, runFingerprint.length()));
    }

    private static String sanitize(String part) {
        return part.replaceAll("[^A-Za-z0-9._-]", "+");
    }
}
