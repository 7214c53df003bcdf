package org.adaptbench.harness.approach;

import java.util.List;
import java.util.Objects;
import org.adaptbench.datasets.model.Query;

/** Role of an approach that injects context: what it would show the model for a query, without acting on it. */
public interface ContextPreview {

    /**
     * The contexts it would inject for {@code query} now under each of {@code tokenBudgets} tokens, in
     * order (an approach with no budget ignores them): one call for several budgets, since what an
     * approach recalls for a query does not depend on the budget.
     */
    List<Shown> preview(String userId, Query query, List<Integer> tokenBudgets);

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
