package org.adaptbench.datasets.prefeval;

import java.util.Optional;
import org.adaptbench.datasets.model.WireName;

/** The three ways PrefEval reveals a preference, each with its folder in PrefEval's layout; spelled "explicit", "choice" or "persona". */
public enum PrefEvalForm implements WireName {
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

    /** Parses "explicit", "choice" or "persona"; empty for anything else. */
    public static Optional<PrefEvalForm> parse(String text) {
        return WireName.parse(PrefEvalForm.class, text);
    }
}
