package org.adaptbench.finetune.model;

import java.util.Objects;

/**
 * A prompt with what the model should answer, for pre-training and adapter training.
 *
 * @param prompt the question, context and options
 * @param target a hard label or a soft distribution over the prompt's options
 */
public record LabelledExample(Prompt prompt, Target target) {

    public LabelledExample {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(target, "target");
        target.distribution(prompt.optionsView().size());
    }

    public static LabelledExample hard(Prompt prompt, int correctIndex) {
        return new LabelledExample(prompt, Target.hard(correctIndex));
    }

    /** The same example asked with no context (adapters are trained this way). */
    public LabelledExample withoutContext() {
        return prompt.contextView().isEmpty() ? this : new LabelledExample(prompt.withoutContext(), target);
    }
}
