package org.adaptbench.datasets.model;

import java.util.Objects;

/**
 * Ground truth for one turn: what it does, and on which dimension and option.
 *
 * <p>Approaches never see labels; they exist to score extraction and to build reference models.
 * {@code dimension} and {@code option} are empty strings for filler and unknown turns; for a
 * deletion, {@code option} is the preference being deleted.
 */
public record TurnLabel(TurnKind kind, String dimension, String option) {

    public static final TurnLabel FILLER = new TurnLabel(TurnKind.FILLER, "", "");
    public static final TurnLabel UNKNOWN = new TurnLabel(TurnKind.UNKNOWN, "", "");

    public TurnLabel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(option, "option");
        boolean carriesPreference = kind != TurnKind.FILLER && kind != TurnKind.UNKNOWN;
        if (carriesPreference && (dimension.isEmpty() || option.isEmpty())) {
            throw new IllegalArgumentException(kind + " label needs a dimension and an option");
        }
    }

    /** True when this turn states, changes, reveals or deletes a preference. */
    public boolean carriesPreference() {
        return kind != TurnKind.FILLER && kind != TurnKind.UNKNOWN;
    }
}
