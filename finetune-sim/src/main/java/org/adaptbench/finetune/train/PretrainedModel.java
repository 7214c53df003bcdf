package org.adaptbench.finetune.train;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.adaptbench.finetune.model.ScoringModel;

/**
 * A pre-trained base model and how it was obtained.
 *
 * @param model the model (the caller closes it)
 * @param report the training run that produced the weights (recorded in the checkpoint, so a cache hit reports it too)
 * @param fromCache true when the weights were loaded from the cache instead of trained
 * @param cacheKey SHA-256 of model code version, platform, model config, training config and training data
 * @param checkpoint the cached checkpoint, if a cache directory was given
 */
public record PretrainedModel(ScoringModel model, TrainingReport report, boolean fromCache, String cacheKey,
        Optional<Path> checkpoint) {

    public PretrainedModel {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(cacheKey, "cacheKey");
        Objects.requireNonNull(checkpoint, "checkpoint");
    }
}
