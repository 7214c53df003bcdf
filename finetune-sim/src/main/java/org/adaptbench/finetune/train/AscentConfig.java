package org.adaptbench.finetune.train;

import java.util.Objects;

/**
 * Approximate unlearning by gradient ascent: {@code steps} steps that raise the loss on the
 * examples to forget, optionally while keeping it low on a retain set.
 *
 * @param steps optimiser steps, at least 1
 * @param batchSize examples per step from each set
 * @param learningRate Adam's step size
 * @param retainWeight weight λ of the retain-set loss in {@code -CE(forget) + λ CE(retain)}; 0 for none
 * @param seed seed of the batch order
 * @param contextUse whether the examples' context is kept (match how the adapter was trained)
 */
public record AscentConfig(int steps, int batchSize, double learningRate, double retainWeight, long seed, ContextUse contextUse) {

    public AscentConfig {
        if (steps < 1) {
            throw new IllegalArgumentException("gradient ascent needs at least 1 step, got " + steps);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        if (!(retainWeight >= 0) || !Double.isFinite(retainWeight)) {
            throw new IllegalArgumentException("retain weight must be finite and not negative, got " + retainWeight);
        }
        Objects.requireNonNull(contextUse, "contextUse");
    }

    /** 20 steps of 16 at 5e-3 with a retain term of weight 1, without context. */
    public static AscentConfig defaults(long seed) {
        return new AscentConfig(20, 16, 5e-3, 1.0, seed, ContextUse.EMPTY);
    }
}
