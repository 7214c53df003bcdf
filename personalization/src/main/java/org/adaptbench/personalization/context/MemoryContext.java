package org.adaptbench.personalization.context;

import java.util.List;
import java.util.Objects;
import org.adaptbench.personalization.score.ScoredMemory;

/**
 * A system-prompt section rendered from memories.
 *
 * @param text the section, empty when no memory fit the budget
 * @param tokens exact token count of {@code text} under the builder's tokenizer
 * @param memories the memories it shows, in the order shown
 */
public record MemoryContext(String text, int tokens, List<ScoredMemory> memories) {

    public static final MemoryContext EMPTY = new MemoryContext("", 0, List.of());

    public MemoryContext {
        Objects.requireNonNull(text, "text");
        memories = List.copyOf(memories);
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must be >= 0, was " + tokens);
        }
    }

    public boolean isEmpty() {
        return memories.isEmpty();
    }
}
