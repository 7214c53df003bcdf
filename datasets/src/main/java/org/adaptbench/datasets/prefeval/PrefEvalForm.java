package org.adaptbench.datasets.prefeval;

import java.util.Locale;
import java.util.Optional;

/** The three ways PrefEval reveals a preference, each with its folder in PrefEval's layout. */
public enum PrefEvalForm {
    /** The user states the preference outright. */
    EXPLICIT("explicit_preference"),
    /** The user picks one of four options the assistant offered. */
    CHOICE("implicit_preference/choice-based"),
    /** A persona's multi-turn conversation reveals the preference indirectly. */
    PERSONA("implicit_preference/persona-driven");

    private final String folder;

    PrefEvalForm(String folder) {
        this.folder = folder;
    }

    /** The folder, relative to the PrefEval root, holding one {@code <topic>.json} per topic. */
    public String folder() {
        return folder;
    }

    /** "explicit", "choice" or "persona". */
    public String wireName() {
        return name().toLowerCase(Locale.US);
    }

    public static Optional<PrefEvalForm> parse(String text) {
        for (PrefEvalForm form : values()) {
            if (form.wireName().equals(text)) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }
}
