package org.adaptbench.finetune.train;

import java.util.List;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.model.LabelledExample;

/**
 * Analytic FLOP counts of the base model, counting 2 FLOPs per multiply-add of the matrix
 * products (elementwise ops are negligible beside them).
 *
 * <p>Training: a full update costs 3 forward passes (forward, gradients of activations, gradients of
 * weights), the usual 6·N·T. A LoRA update runs the frozen base forward and back through its
 * activations but computes weight gradients only for the adapter: 2·F_base + 3·F_lora per example.
 * The cost projection uses the same rule at real model sizes (4·N·T + 6·N_lora·T).
 */
public final class FlopEstimate {

    private FlopEstimate() {
    }

    /** Rows a layer processes for one example with {@code options} options and {@code context} context vectors. */
    public static int rowsOf(ModelLayer layer, int options, int context) {
        return switch (layer) {
            case QUERY -> context > 0 ? options : 0;
            case KEY_VALUE -> context;
            case HIDDEN_1, HIDDEN_2, SCORE -> options;
        };
    }

    /** Forward FLOPs of the base model for one example. */
    public static double baseForward(ModelConfig model, int options, int context) {
        double flops = 0;
        for (ModelLayer layer : ModelLayer.values()) {
            flops += 2.0 * rowsOf(layer, options, context) * model.inputsOf(layer) * model.outputsOf(layer);
        }
        if (context > 0) {
            // scores against (context + null slot) keys, then pooling of the values
            flops += 2.0 * options * (context + 1) * (model.attentionDim() + model.inputDim());
        }
        return flops;
    }

    /** Extra forward FLOPs of an unmerged adapter for one example: 2 r (in + out) per row of each target. */
    public static double adapterForward(ModelConfig model, LoraConfig lora, int options, int context) {
        double flops = 0;
        for (ModelLayer layer : lora.targets()) {
            flops += 2.0 * rowsOf(layer, options, context) * lora.rank() * (model.inputsOf(layer) + model.outputsOf(layer));
        }
        return flops;
    }

    /** FLOPs of training every weight over {@code examples} for {@code epochs}. */
    public static double fullTraining(ModelConfig model, List<LabelledExample> examples, int epochs, ContextUse contextUse) {
        double perEpoch = 0;
        for (LabelledExample example : examples) {
            perEpoch += 3 * baseForward(model, example.prompt().optionCount(), contextOf(example, contextUse));
        }
        return perEpoch * epochs;
    }

    /** FLOPs of training an adapter over {@code examples} for {@code epochs}. */
    public static double adapterTraining(ModelConfig model, LoraConfig lora, List<LabelledExample> examples, int epochs,
            ContextUse contextUse) {
        double perEpoch = 0;
        for (LabelledExample example : examples) {
            int options = example.prompt().optionCount();
            int context = contextOf(example, contextUse);
            perEpoch += 2 * baseForward(model, options, context) + 3 * adapterForward(model, lora, options, context);
        }
        return perEpoch * epochs;
    }

    private static int contextOf(LabelledExample example, ContextUse contextUse) {
        return contextUse.dropsContext() ? 0 : example.prompt().contextSize();
    }
}
