package org.adaptbench.harness.approach;

import java.util.List;
import java.util.Objects;
import org.adaptbench.datasets.model.Query;

/** Role of an approach that injects context: what it would show the model for a query, without acting on it. */
public interface ContextPreview {

    /** The context it would inject for {@code query} now under {@code tokenBudget} tokens (an approach with no budget ignores it). */
    Shown preview(String userId, Query query, int tokenBudget);

    /**
     * A context as it would be injected.
     *
     * @param text the injected text
     * @param tokens its exact token count
     * @param turnIds the history turns behind what it shows
     */
    record Shown(String text, int tokens, List<String> turnIds) {

        public Shown {
            Objects.requireNonNull(text, "text");
            turnIds = List.copyOf(turnIds);
        }
    }
}
