package org.adaptbench.harness.model;

import java.util.List;
import java.util.Objects;

/**
 * What an approach puts in front of the model for one request.
 *
 * @param question the user's question
 * @param options the options in presentation order
 * @param contextItems the injected items one by one (memories, history turns), for models that
 *     read them as separate vectors; empty when nothing is injected
 * @param contextSection the same context rendered as the text a chat model would receive, which is
 *     also what the token count of the request measures ("" when nothing is injected)
 */
public record Prompt(String question, List<String> options, List<String> contextItems, String contextSection) {

    public Prompt {
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        contextItems = List.copyOf(contextItems);
        Objects.requireNonNull(contextSection, "contextSection");
        if (options.size() < 2) {
            throw new IllegalArgumentException("a prompt needs at least two options");
        }
    }

    public static Prompt withoutContext(String question, List<String> options) {
        return new Prompt(question, options, List.of(), "");
    }
}
