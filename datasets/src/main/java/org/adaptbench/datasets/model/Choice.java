package org.adaptbench.datasets.model;

import java.util.List;
import java.util.Objects;

/**
 * An observable interaction inside a turn: the assistant offered options and the user picked one.
 *
 * <p>Unlike a {@link TurnLabel}, a choice is something a deployed system really sees, so
 * approaches may learn from it (fine-tuning on interaction logs does exactly this).
 */
public record Choice(String question, List<String> options, int chosenIndex) {

    public Choice {
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        if (options.size() < 2) {
            throw new IllegalArgumentException("a choice needs at least two options");
        }
        if (chosenIndex < 0 || chosenIndex >= options.size()) {
            throw new IllegalArgumentException("chosenIndex " + chosenIndex + " out of range 0.." + (options.size() - 1));
        }
    }

    public String chosen() {
        return options.get(chosenIndex);
    }
}
