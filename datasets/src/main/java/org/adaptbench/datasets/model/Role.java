package org.adaptbench.datasets.model;

import java.util.Optional;

/** Who spoke a turn; spelled "user" and "assistant" in files. */
public enum Role implements WireName {
    USER,
    ASSISTANT;

    /** Parses the file spelling; returns empty for anything else so callers can name the bad field. */
    public static Optional<Role> parse(String text) {
        return WireName.parse(Role.class, text);
    }
}
