package org.adaptbench.finetune.cost;

import java.util.Objects;
import java.util.Set;

/**
 * The shape of a real Llama-style model, enough to count its parameters and LoRA's.
 *
 * @param name e.g. "Llama-3.1-8B"
 * @param layers decoder layers
 * @param hiddenSize model width
 * @param intermediateSize MLP width
 * @param attentionHeads query heads
 * @param kvHeads key/value heads (grouped-query attention)
 * @param headDim width of one head
 * @param vocabSize vocabulary size
 * @param tiedEmbeddings whether the output head shares the input embedding
 * @param shapeSource where the shape comes from (the model card)
 * @param inputPricePerMillionTokens price of input tokens when served by a provider
 */
public record ModelShape(String name, int layers, int hiddenSize, int intermediateSize, int attentionHeads, int kvHeads,
        int headDim, int vocabSize, boolean tiedEmbeddings, String shapeSource, Assumption inputPricePerMillionTokens) {

    public ModelShape {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shapeSource, "shapeSource");
        Objects.requireNonNull(inputPricePerMillionTokens, "inputPricePerMillionTokens");
        if (layers <= 0 || hiddenSize <= 0 || intermediateSize <= 0 || attentionHeads <= 0 || kvHeads <= 0 || headDim <= 0 || vocabSize <= 0) {
            throw new IllegalArgumentException("model " + name + " has a non-positive dimension");
        }
    }

    public long inputsOf(Projection projection) {
        return switch (projection) {
            case Q, K, V, GATE, UP -> hiddenSize;
            case O -> (long) attentionHeads * headDim;
            case DOWN -> intermediateSize;
        };
    }

    public long outputsOf(Projection projection) {
        return switch (projection) {
            case Q -> (long) attentionHeads * headDim;
            case K, V -> (long) kvHeads * headDim;
            case O, DOWN -> hiddenSize;
            case GATE, UP -> intermediateSize;
        };
    }

    /** LoRA parameters at rank r on {@code targets} in every layer: Σ r (in + out). */
    public long loraParameters(int rank, Set<Projection> targets) {
        if (rank <= 0) {
            throw new IllegalArgumentException("LoRA rank must be positive, got " + rank);
        }
        long perLayer = 0;
        for (Projection projection : targets) {
            long smaller = Math.min(inputsOf(projection), outputsOf(projection));
            if (rank > smaller) {
                throw new IllegalArgumentException("LoRA rank " + rank + " is larger than " + name + " " + projection.id() + " (" + smaller + ")");
            }
            perLayer += rank * (inputsOf(projection) + outputsOf(projection));
        }
        return perLayer * layers;
    }

    /** Parameters of one decoder layer: the seven projections and two RMSNorm weights. */
    public long layerParameters() {
        long count = 2L * hiddenSize;
        for (Projection projection : Projection.values()) {
            count += inputsOf(projection) * outputsOf(projection);
        }
        return count;
    }

    /** Every parameter: embeddings, layers, final norm, and the output head unless tied. */
    public long parameters() {
        long embedding = (long) vocabSize * hiddenSize;
        return embedding + layers * layerParameters() + hiddenSize + (tiedEmbeddings ? 0 : embedding);
    }

    /** Parameters that take part in a forward pass's matrix products (N in 6·N·T): all but the input embedding lookup. */
    public long forwardParameters() {
        return layers * layerParameters() + hiddenSize + (long) vocabSize * hiddenSize;
    }
}
