package org.adaptbench.finetune.train;

import java.util.Objects;

/**
 * What a training run cost and reached.
 *
 * @param name what was trained (an adapter name, or "base")
 * @param wallNanos wall-clock time of the run
 * @param steps optimiser steps
 * @param examples distinct training examples
 * @param trainableParameters parameters the run updated
 * @param estimatedFlops analytic FLOPs of the run (see {@link FlopEstimate})
 * @param finalLoss mean loss of the last epoch
 */
public record TrainingReport(String name, long wallNanos, int steps, int examples, long trainableParameters,
        double estimatedFlops, double finalLoss) {

    public TrainingReport {
        Objects.requireNonNull(name, "name");
        if (wallNanos < 0 || steps < 0 || examples < 0 || trainableParameters < 0 || estimatedFlops < 0) {
            throw new IllegalArgumentException("negative figure in training report for " + name);
        }
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }
}
