package org.adaptbench.personalization;

import java.util.List;
import java.util.Objects;
import org.adaptbench.personalization.context.MemoryContext;
import org.adaptbench.personalization.score.ScoredMemory;

/**
 * A rendered memory section for a prompt, and the time it took (recall and rendering).
 */
public record ContextResult(MemoryContext context, long nanos) {

    public ContextResult {
        Objects.requireNonNull(context, "context");
    }

    /** The section to append to the system prompt; empty when nothing relevant fit. */
    public String text() {
        return context.text();
    }

    /** Exact tokens the section adds to the prompt. */
    public int tokensAdded() {
        return context.tokens();
    }

    /** The memories shown, in order. */
    public List<ScoredMemory> memories() {
        return context.memories();
    }
}
