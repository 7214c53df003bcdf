package org.adaptbench.finetune.train;

import java.util.Objects;
import org.adaptbench.finetune.lora.LoraConfig;

/**
 * Everything that decides an adapter training run.
 *
 * @param lora the adapter's shape
 * @param training the optimisation
 */
public record AdapterTrainingConfig(LoraConfig lora, TrainingConfig training) {

    public AdapterTrainingConfig {
        Objects.requireNonNull(lora, "lora");
        Objects.requireNonNull(training, "training");
    }

    /** Rank 8, alpha 16, trained without context: the per-user default. */
    public static AdapterTrainingConfig defaults(long seed) {
        return new AdapterTrainingConfig(LoraConfig.defaults(), TrainingConfig.adapter(seed));
    }

    public AdapterTrainingConfig withTraining(TrainingConfig newTraining) {
        return new AdapterTrainingConfig(lora, newTraining);
    }

    public AdapterTrainingConfig withLora(LoraConfig newLora) {
        return new AdapterTrainingConfig(newLora, training);
    }
}
