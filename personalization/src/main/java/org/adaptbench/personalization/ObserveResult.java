package org.adaptbench.personalization;

import java.util.List;

/**
 * What observing one turn did and what it cost.
 *
 * @param changes changes made to the user's memory, in order
 * @param warnings problems the extractor worked around
 * @param extractNanos time spent extracting (model calls, slot classification)
 * @param writeNanos time spent embedding and writing the changes, cap enforcement included
 */
public record ObserveResult(List<MemoryChange> changes, List<String> warnings, long extractNanos, long writeNanos) {

    public ObserveResult {
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    public long totalNanos() {
        return extractNanos + writeNanos;
    }

    /** True when the turn changed the user's memory (an ignored signal changes nothing). */
    public boolean changedMemory() {
        return changes.stream().anyMatch(c -> c.type() != MemoryChange.Type.IGNORED);
    }
}
