package org.adaptbench.datasets.model;

import java.util.Optional;

/** What a turn does to the user's preferences, as known to the data set's ground truth; spelled in lower case in files. */
public enum TurnKind implements WireName {
    /** The user states a preference for the first time on a dimension. */
    STATEMENT,
    /** The user states a preference that contradicts an earlier one on the same dimension. */
    CHANGE,
    /** The user asks the assistant to forget a preference. */
    DELETION,
    /** The user picks one of several options the assistant offered. */
    IMPLICIT_CHOICE,
    /** The user reacts to an answer ("too long", "more formal please"). */
    IMPLICIT_FEEDBACK,
    /** Conversation unrelated to any preference. */
    FILLER,
    /** Not labelled (imported data without ground truth). */
    UNKNOWN;

    /** Parses the file spelling ("implicit_choice"); empty for anything else. */
    public static Optional<TurnKind> parse(String text) {
        return WireName.parse(TurnKind.class, text);
    }
}
