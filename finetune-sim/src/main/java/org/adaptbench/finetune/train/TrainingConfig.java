package org.adaptbench.finetune.train;

import java.util.Locale;
import java.util.Objects;

/**
 * How a training run goes: Adam at a fixed learning rate over seeded shuffled mini-batches.
 *
 * @param epochs passes over the examples, at least 1
 * @param batchSize examples per step, at least 1
 * @param learningRate Adam's step size, positive
 * @param seed seed of the batch order (and of adapter initialisation)
 * @param contextUse whether the examples' context is kept or dropped
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, long seed, ContextUse contextUse) {

    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        Objects.requireNonNull(contextUse, "contextUse");
    }

    /** Pre-training of the base model: with context, 30 epochs of 64 at 2e-3. */
    public static TrainingConfig pretraining(long seed) {
        return new TrainingConfig(30, 64, 2e-3, seed, ContextUse.AS_GIVEN);
    }

    /** Adapter training: without context, 20 epochs of 16 at 1e-2 (LoRA tolerates larger steps). */
    public static TrainingConfig adapter(long seed) {
        return new TrainingConfig(20, 16, 1e-2, seed, ContextUse.EMPTY);
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(newEpochs, batchSize, learningRate, seed, contextUse);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(epochs, batchSize, learningRate, newSeed, contextUse);
    }

    public TrainingConfig withContextUse(ContextUse newContextUse) {
        return new TrainingConfig(epochs, batchSize, learningRate, seed, newContextUse);
    }

    public String canonical() {
        return String.format(Locale.US, "TrainingConfig(epochs=%d,batchSize=%d,learningRate=%s,seed=%d,contextUse=%s)",
                epochs, batchSize, Double.toString(learningRate), seed, contextUse);
    }
}
