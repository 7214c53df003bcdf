package org.adaptbench.datasets.synthetic;

import java.util.List;
import java.util.Objects;

/**
 * One example for pre-training the base model: a question, what the assistant knows about the user
 * (0..n preference statements), the options and the index of the one the user wants.
 */
public record PretrainingExample(String question, List<String> context, List<String> options, int correctIndex) {

    public PretrainingExample {
        Objects.requireNonNull(question, "question");
        context = List.copyOf(context);
        options = List.copyOf(options);
        if (correctIndex < 0 || correctIndex >= options.size()) {
            throw new IllegalArgumentException("correctIndex " + correctIndex + " out of range for " + options.size() + " options");
        }
    }
}
