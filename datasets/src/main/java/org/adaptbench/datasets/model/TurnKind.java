package org.adaptbench.datasets.model;

/** What a turn does to the user's preferences, as known to the data set's ground truth. */
public enum TurnKind {
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
    UNKNOWN
}
