package org.adaptbench.harness.approach;

/**
 * What it took for an event to reach the approach's behaviour.
 *
 * @param computeNanos measured compute: extraction, writes, training
 * @param waitMillis simulated time the event waits before it takes effect (a nightly retraining
 *     cadence waits until midnight); 0 when it takes effect at once
 * @param trainingSteps optimiser steps run (0 for approaches that do not train)
 * @param trainingFlops estimated floating-point operations of that training
 */
public record Effort(long computeNanos, long waitMillis, long trainingSteps, double trainingFlops) {

    public static final Effort NONE = new Effort(0, 0, 0, 0);

    public Effort {
        if (computeNanos < 0 || waitMillis < 0 || trainingSteps < 0 || trainingFlops < 0) {
            throw new IllegalArgumentException("effort cannot be negative");
        }
    }

    public static Effort compute(long nanos) {
        return new Effort(nanos, 0, 0, 0);
    }

    public Effort plus(Effort other) {
        return new Effort(computeNanos + other.computeNanos, Math.max(waitMillis, other.waitMillis),
                trainingSteps + other.trainingSteps, trainingFlops + other.trainingFlops);
    }
}
