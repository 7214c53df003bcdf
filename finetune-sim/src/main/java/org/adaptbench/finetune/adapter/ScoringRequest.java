package org.adaptbench.finetune.adapter;

import java.util.Objects;
import java.util.Optional;
import org.adaptbench.finetune.model.Prompt;

/**
 * One request to serve: a prompt and the adapter to answer it with (none for the base model).
 *
 * @param prompt what to score; its context is used as given
 * @param adapter the attached adapter to apply, or empty for the base model
 */
public record ScoringRequest(Prompt prompt, Optional<String> adapter) {

    public ScoringRequest {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(adapter, "adapter");
    }

    public static ScoringRequest base(Prompt prompt) {
        return new ScoringRequest(prompt, Optional.empty());
    }

    public static ScoringRequest with(Prompt prompt, String adapter) {
        return new ScoringRequest(prompt, Optional.of(adapter));
    }
}
