package org.adaptbench.harness.approach;

/** Role of an approach whose answers depend on when a question is asked (recency, activation). */
public interface ReplayClock {

    /** Moves the approach's clock forward to {@code epochMillis} without a turn. */
    void advanceClock(long epochMillis);
}
