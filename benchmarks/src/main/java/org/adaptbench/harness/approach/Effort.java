package org.adaptbench.harness.approach;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What it took for an event to reach the approach's behaviour.
 *
 * @param computeNanos measured compute: extraction, writes, training
 * @param trainingSteps optimiser steps run (0 for approaches that do not train)
 * @param trainingFlops estimated floating-point operations of that training
 * @param effectiveAtMillis when, in the history's clock, the behaviour changed (the turn's own time
 *     for a memory write; midnight for a nightly retraining); empty when the event changed nothing
 */
public record Effort(long computeNanos, long trainingSteps, double trainingFlops, OptionalLong effectiveAtMillis) {

    public static final Effort NONE = new Effort(0, 0, 0, OptionalLong.empty());

    public Effort {
        Objects.requireNonNull(effectiveAtMillis, "effectiveAtMillis");
        if (computeNanos < 0 || trainingSteps < 0 || trainingFlops < 0) {
            throw new IllegalArgumentException("effort cannot be negative");
        }
    }

    /** Work that changed nothing the model does (bookkeeping, an extraction that found nothing). */
    public static Effort compute(long nanos) {
        return new Effort(nanos, 0, 0, OptionalLong.empty());
    }

    /** Work after which the behaviour changed at {@code atMillis}. */
    public static Effort effective(long nanos, long atMillis) {
        return new Effort(nanos, 0, 0, OptionalLong.of(atMillis));
    }

    public boolean changedBehaviour() {
        return effectiveAtMillis.isPresent();
    }

    public Effort plus(Effort other) {
        OptionalLong at = effectiveAtMillis.isEmpty() ? other.effectiveAtMillis
                : other.effectiveAtMillis.isEmpty() ? effectiveAtMillis
                : OptionalLong.of(Math.max(effectiveAtMillis.getAsLong(), other.effectiveAtMillis.getAsLong()));
        return new Effort(computeNanos + other.computeNanos, trainingSteps + other.trainingSteps,
                trainingFlops + other.trainingFlops, at);
    }
}
