package org.adaptbench.finetune.architecture;

import java.util.Locale;

/**
 * Sizes and seed of the base model.
 *
 * @param inputDim dimension of every embedding vector (384 for all-MiniLM-L6-v2)
 * @param attentionDim width of the attention query and key projections
 * @param hidden1 width of the first hidden layer of the scoring MLP
 * @param hidden2 width of the second hidden layer of the scoring MLP
 * @param seed seed of the weight initialisation
 */
public record ModelConfig(int inputDim, int attentionDim, int hidden1, int hidden2, long seed) {

    /** The default for all-MiniLM-L6-v2 embeddings. */
    public static final ModelConfig MINILM = new ModelConfig(384, 64, 128, 64, 17L);

    public ModelConfig {
        positive(inputDim, "inputDim");
        positive(attentionDim, "attentionDim");
        positive(hidden1, "hidden1");
        positive(hidden2, "hidden2");
    }

    /** Input width of {@code layer}. */
    public int inputsOf(ModelLayer layer) {
        return switch (layer) {
            case QUERY -> 2 * inputDim;
            case KEY_VALUE -> inputDim;
            case HIDDEN_1 -> ModelLayer.FEATURE_BLOCKS * inputDim;
            case HIDDEN_2 -> hidden1;
            case SCORE -> hidden2;
        };
    }

    /** Output width of {@code layer}. */
    public int outputsOf(ModelLayer layer) {
        return switch (layer) {
            case QUERY -> attentionDim;
            case KEY_VALUE -> attentionDim + inputDim;
            case HIDDEN_1 -> hidden1;
            case HIDDEN_2 -> hidden2;
            case SCORE -> 1;
        };
    }

    /** Parameters of the base model (weights, biases, and the null attention slot). */
    public long parameterCount() {
        long count = attentionDim + inputDim;
        for (ModelLayer layer : ModelLayer.values()) {
            count += (long) inputsOf(layer) * outputsOf(layer) + outputsOf(layer);
        }
        return count;
    }

    /** A stable text form, part of checkpoint cache keys. */
    public String canonical() {
        return String.format(Locale.US, "ModelConfig(inputDim=%d,attentionDim=%d,hidden1=%d,hidden2=%d,seed=%d)",
                inputDim, attentionDim, hidden1, hidden2, seed);
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
