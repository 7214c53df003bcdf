package org.adaptbench.datasets.model;

/** The three sources a data set can come from. */
public enum DatasetKind {
    SYNTHETIC,
    PREFEVAL,
    JSONL
}
