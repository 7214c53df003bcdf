package org.adaptbench.reports.compare;

/** The verdict on one metric between baseline and current. */
public enum Change {
    /** Worse by more than the threshold, and the statistics agree. */
    REGRESSION,
    /** Better by more than the threshold, and the statistics agree. */
    IMPROVEMENT,
    /** Within the threshold, or not distinguishable from noise. */
    NO_CLEAR_CHANGE,
    /** Only in the current input. */
    ADDED,
    /** Only in the baseline input. */
    REMOVED
}
