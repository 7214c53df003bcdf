package org.adaptbench.harness.approach;

/** A scenario's axis over an approach's own conditions (its cadences, its reversal methods, its ablations). */
public enum Sweep {
    /** The adaptation scenario: every retraining cadence the run configures. */
    ADAPTATION,
    /** The reversibility scenario: every way the approach can act on a deletion. */
    REVERSIBILITY,
    /** The retrieval scenario: the retrieval score with each term switched off in turn. */
    RETRIEVAL,
    /** The combined scenario: the approach's parts served on their own. */
    PARTS
}
