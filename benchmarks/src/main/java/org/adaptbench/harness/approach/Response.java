package org.adaptbench.harness.approach;

import java.util.Objects;
import org.adaptbench.harness.model.Decision;

/**
 * An approach's answer to one query with what the request cost.
 *
 * @param decision the chosen option and probabilities
 * @param tokensAdded tokens the approach added to the context (real tokenizer)
 * @param latencyNanos wall-clock time of the whole request: retrieval, assembly, model
 */
public record Response(Decision decision, int tokensAdded, long latencyNanos) {

    public Response {
        Objects.requireNonNull(decision, "decision");
        if (tokensAdded < 0 || latencyNanos < 0) {
            throw new IllegalArgumentException("cost cannot be negative");
        }
    }
}
