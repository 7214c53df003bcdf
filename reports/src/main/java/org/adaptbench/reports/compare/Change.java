package org.adaptbench.reports.compare;

/** The verdict on one metric between baseline and current. */
public enum Change {
    /** Worse by more than the threshold, and the statistics agree. */
    REGRESSION,
    /** Better by more than the threshold, and the statistics agree. */
    IMPROVEMENT,
    /** Worse or better beyond the threshold, with the statistics agreeing, but of a class the gate leaves out: shown, never failing. */
    NOT_GATED,
    /** Within the threshold, or not distinguishable from noise. */
    NO_CLEAR_CHANGE,
    /** Only in the current input. */
    ADDED,
    /** Only in the baseline input. */
    REMOVED
}
