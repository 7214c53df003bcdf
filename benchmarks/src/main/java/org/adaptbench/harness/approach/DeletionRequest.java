package org.adaptbench.harness.approach;

import java.util.Objects;

/**
 * A user's explicit request to delete a preference, as a deployed system would receive it.
 *
 * @param turnId the history turn that carries the request
 * @param text what the user said ("forget that I ...")
 * @param timestamp when it was made, in the history's clock
 */
public record DeletionRequest(String turnId, String text, long timestamp) {

    public DeletionRequest {
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(text, "text");
    }
}
