package org.adaptbench.finetune.lora;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;

/**
 * Shape of a LoRA adapter: rank r, scale numerator alpha (the update is scaled by alpha/r), and
 * the Linear layers it adapts.
 *
 * @param rank r, positive and at most min(inputs, outputs) of every target layer
 * @param alpha LoRA alpha, positive
 * @param targets the adapted layers, at least one
 */
public record LoraConfig(int rank, double alpha, Set<ModelLayer> targets) {

    /** Every layer but the scalar head (a rank-r update of a 1-output layer is just a full update of it). */
    public static final Set<ModelLayer> HIDDEN_AND_ATTENTION =
            Collections.unmodifiableSet(EnumSet.of(ModelLayer.QUERY, ModelLayer.KEY_VALUE, ModelLayer.HIDDEN_1, ModelLayer.HIDDEN_2));

    public LoraConfig {
        if (rank <= 0) {
            throw new IllegalArgumentException("LoRA rank must be positive, got " + rank);
        }
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("LoRA alpha must be positive and finite, got " + alpha);
        }
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("LoRA needs at least one target layer");
        }
        targets = Collections.unmodifiableSet(EnumSet.copyOf(targets));
    }

    /** Rank 8, alpha 16 on the attention and hidden layers. */
    public static LoraConfig defaults() {
        return new LoraConfig(8, 16, HIDDEN_AND_ATTENTION);
    }

    public LoraConfig withTargets(Set<ModelLayer> newTargets) {
        return new LoraConfig(rank, alpha, newTargets);
    }

    /** alpha / r, the factor applied to B A x. */
    public double scale() {
        return alpha / rank;
    }

    /** Fails, naming the layer, if the rank exceeds a target layer of {@code model}. */
    public void checkFits(ModelConfig model) {
        for (ModelLayer layer : targets) {
            int in = model.inputsOf(layer);
            int out = model.outputsOf(layer);
            if (rank > Math.min(in, out)) {
                throw new IllegalArgumentException(String.format(Locale.US,
                        "LoRA rank %d is larger than layer %s (%d inputs, %d outputs): at most %d",
                        rank, layer.id(), in, out, Math.min(in, out)));
            }
        }
    }

    /** Trainable parameters of such an adapter on {@code model}: r (in + out) per target layer. */
    public long parameterCount(ModelConfig model) {
        long count = 0;
        for (ModelLayer layer : targets) {
            count += (long) rank * (model.inputsOf(layer) + model.outputsOf(layer));
        }
        return count;
    }

    public String canonical() {
        return String.format(Locale.US, "LoraConfig(rank=%d,alpha=%s,targets=%s)", rank, Double.toString(alpha),
                targets.stream().map(ModelLayer::id).collect(Collectors.joining(",")));
    }
}
