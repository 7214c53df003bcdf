package org.adaptbench.harness.approach;

/** Role of an approach that can be told to train now on what it has seen, as a deployment would before serving. */
public interface OnDemandTraining {

    /** Trains the user's model on everything seen so far; the behaviour changes at {@code atMillis}. */
    Effort trainNow(String userId, long atMillis);
}
