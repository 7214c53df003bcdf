package org.adaptbench.datasets.model;

import java.util.Optional;

/** The sources a data set can come from; spelled in lower case in manifests. */
public enum DatasetKind implements WireName {
    SYNTHETIC,
    PREFEVAL,
    JSONL,
    LOCOMO;

    /** Parses the file spelling ("synthetic"); empty for anything else. */
    public static Optional<DatasetKind> parse(String text) {
        return WireName.parse(DatasetKind.class, text);
    }
}
