package org.adaptbench.finetune.model;

import java.util.List;

/**
 * One multiple-choice request as the model sees it: embedding vectors, no text.
 *
 * <p>The context holds zero or more vectors, one per injected memory or history turn: empty for
 * {@code none}, a few retrieved memories for {@code memory}, every turn for {@code full-context}.
 * Arrays are copied in and out, so a prompt cannot change after it is built.
 *
 * @param question the question's embedding
 * @param context the injected memories or turns, possibly none
 * @param options at least two option embeddings, in presentation order
 */
public record Prompt(float[] question, List<float[]> context, List<float[]> options) {

    public Prompt {
        question = Vectors.checkedCopy(question, "question vector");
        int dimension = question.length;
        context = Vectors.checkedCopies(context, dimension, "context vector");
        options = Vectors.checkedCopies(options, dimension, "option vector");
        if (options.size() < 2) {
            throw new IllegalArgumentException("a prompt needs at least 2 options, got " + options.size());
        }
    }

    /** The same question and options with no context: what an adapter is trained and asked with. */
    public Prompt withoutContext() {
        return context.isEmpty() ? this : new Prompt(question, List.of(), options);
    }

    /** The same question and options with another context. */
    public Prompt withContext(List<float[]> newContext) {
        return new Prompt(question, newContext, options);
    }

    public int dimension() {
        return question.length;
    }

    public int optionCount() {
        return options.size();
    }

    public int contextSize() {
        return context.size();
    }

    @Override
    public float[] question() {
        return question.clone();
    }

    /** The question vector without a defensive copy, for code in this module that only reads it. */
    float[] questionView() {
        return question;
    }

    @Override
    public List<float[]> context() {
        return context.stream().map(float[]::clone).toList();
    }

    /** The context vectors without copies, for code in this module that only reads them. */
    List<float[]> contextView() {
        return context;
    }

    @Override
    public List<float[]> options() {
        return options.stream().map(float[]::clone).toList();
    }

    /** The option vectors without copies, for code in this module that only reads them. */
    List<float[]> optionsView() {
        return options;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Prompt that
                && java.util.Arrays.equals(question, that.question)
                && deepEquals(context, that.context)
                && deepEquals(options, that.options);
    }

    @Override
    public int hashCode() {
        int hash = java.util.Arrays.hashCode(question);
        for (float[] vector : context) {
            hash = 31 * hash + java.util.Arrays.hashCode(vector);
        }
        for (float[] vector : options) {
            hash = 31 * hash + java.util.Arrays.hashCode(vector);
        }
        return hash;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.US, "Prompt[dimension=%d, context=%d, options=%d]",
                question.length, context.size(), options.size());
    }

    private static boolean deepEquals(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
