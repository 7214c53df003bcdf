package org.adaptbench.datasets.model;

import java.util.Locale;

/** Who spoke a turn. */
public enum Role {
    USER,
    ASSISTANT;

    /** The lower-case spelling used in files ("user", "assistant"). */
    public String wireName() {
        return name().toLowerCase(Locale.US);
    }

    /** Parses the file spelling; returns empty for anything else so callers can name the bad field. */
    public static java.util.Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.wireName().equals(text)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
