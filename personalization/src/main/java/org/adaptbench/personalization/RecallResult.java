package org.adaptbench.personalization;

import java.util.List;
import org.adaptbench.personalization.score.ScoredMemory;

/**
 * Memories recalled for a query, best first, and the time it took (embedding the query included).
 */
public record RecallResult(List<ScoredMemory> memories, long nanos) {

    public RecallResult {
        memories = List.copyOf(memories);
    }
}
