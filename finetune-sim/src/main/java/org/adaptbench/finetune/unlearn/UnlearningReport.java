package org.adaptbench.finetune.unlearn;

import java.util.Objects;
import java.util.Optional;
import org.adaptbench.finetune.adapter.UnmergeReport;

/**
 * What reverting a deleted preference cost.
 *
 * @param method how it was reverted
 * @param adapter the adapter acted on
 * @param wallNanos wall time of the whole operation, unmerge and re-merge included
 * @param steps optimiser steps (0 for detach)
 * @param estimatedFlops analytic FLOPs of any training involved
 * @param unmerge when the adapter was merged into the base: how it was taken out (and its fp32 round-trip error)
 */
public record UnlearningReport(UnlearningMethod method, String adapter, long wallNanos, int steps, double estimatedFlops,
        Optional<UnmergeReport> unmerge) {

    public UnlearningReport {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(unmerge, "unmerge");
    }

    public boolean wasMerged() {
        return unmerge.isPresent();
    }
}
