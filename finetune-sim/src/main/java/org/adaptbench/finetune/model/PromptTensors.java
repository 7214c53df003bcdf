package org.adaptbench.finetune.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Optional;
import org.adaptbench.finetune.runtime.TorchRuntime;

/**
 * A batch of prompts packed into tensors: contexts padded to the longest one and options to the
 * most numerous, with additive masks (0 or {@link #MASKED}) so that padding never gets attention or
 * probability. Masks are left out when nothing is padded, which saves an op per forward.
 */
public final class PromptTensors {

    /** Added to the logit of a padded slot; exp() of it is 0 in float32. */
    public static final float MASKED = -1e9f;

    private final int batchSize;
    private final int maxOptions;
    private final int maxContext;
    private final int[] optionCounts;
    private final NDArray question;
    private final NDArray options;
    private final NDArray optionMask;
    private final NDArray context;
    private final NDArray contextMask;

    private PromptTensors(int batchSize, int maxOptions, int maxContext, int[] optionCounts, NDArray question,
            NDArray options, NDArray optionMask, NDArray context, NDArray contextMask) {
        this.batchSize = batchSize;
        this.maxOptions = maxOptions;
        this.maxContext = maxContext;
        this.optionCounts = optionCounts;
        this.question = question;
        this.options = options;
        this.optionMask = optionMask;
        this.context = context;
        this.contextMask = contextMask;
    }

    /**
     * Packs {@code prompts} into arrays owned by {@code manager}.
     *
     * @param dimension the model's input dimension; every vector must have it
     * @param dropContext true to leave every context empty (how adapters are trained and asked)
     */
    public static PromptTensors pack(NDManager manager, List<Prompt> prompts, int dimension, boolean dropContext) {
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("no prompts to score");
        }
        int batch = prompts.size();
        int maxOptions = 0;
        int minOptions = Integer.MAX_VALUE;
        int maxContext = 0;
        int minContext = Integer.MAX_VALUE;
        for (int i = 0; i < batch; i++) {
            Prompt prompt = prompts.get(i);
            if (prompt.dimension() != dimension) {
                throw new IllegalArgumentException("prompt " + i + " has vectors of dimension " + prompt.dimension()
                        + ", the model expects " + dimension);
            }
            int options = prompt.optionsView().size();
            int context = dropContext ? 0 : prompt.contextView().size();
            maxOptions = Math.max(maxOptions, options);
            minOptions = Math.min(minOptions, options);
            maxContext = Math.max(maxContext, context);
            minContext = Math.min(minContext, context);
        }
        int[] optionCounts = new int[batch];
        float[] optionMask = minOptions == maxOptions ? null : new float[batch * maxOptions];
        float[] contextMask = maxContext == 0 || minContext == maxContext ? null : new float[batch * (maxContext + 1)];
        for (int i = 0; i < batch; i++) {
            Prompt prompt = prompts.get(i);
            optionCounts[i] = prompt.optionsView().size();
            for (int k = optionCounts[i]; k < maxOptions; k++) {
                optionMask[i * maxOptions + k] = MASKED;
            }
            if (contextMask != null) {
                int size = dropContext ? 0 : prompt.contextView().size();
                for (int j = size; j < maxContext; j++) {
                    // slot 0 is the null slot, always visible
                    contextMask[i * (maxContext + 1) + j + 1] = MASKED;
                }
            }
        }
        // vectors go straight into the tensors' staging memory; padding stays zero
        int optionsPerRow = maxOptions;
        int contextPerRow = maxContext;
        NDArray question = TorchRuntime.tensor(manager, new Shape(batch, dimension), values -> prompts.forEach(p -> values.put(p.questionView())));
        NDArray options = TorchRuntime.tensor(manager, new Shape(batch, maxOptions, dimension),
                values -> prompts.forEach(p -> putPadded(values, p.optionsView(), optionsPerRow, dimension)));
        NDArray context = maxContext == 0 ? null : TorchRuntime.tensor(manager, new Shape(batch, maxContext, dimension),
                values -> prompts.forEach(p -> putPadded(values, dropContext ? List.of() : p.contextView(), contextPerRow, dimension)));
        return new PromptTensors(batch, maxOptions, maxContext, optionCounts, question, options,
                optionMask == null ? null : TorchRuntime.tensor(manager, optionMask, new Shape(batch, maxOptions)),
                context,
                contextMask == null ? null : TorchRuntime.tensor(manager, contextMask, new Shape(batch, 1, maxContext + 1)));
    }

    /** Writes {@code vectors} and then zero vectors up to {@code slots} of them. */
    private static void putPadded(java.nio.FloatBuffer values, List<float[]> vectors, int slots, int dimension) {
        for (float[] vector : vectors) {
            values.put(vector);
        }
        for (int k = vectors.size(); k < slots; k++) {
            values.put(new float[dimension]);
        }
    }

    /** Wraps already-built tensors of prompts without context, all with the same options count. */
    public static PromptTensors withoutContext(NDArray question, NDArray options) {
        Shape shape = options.getShape();
        if (question.getShape().dimension() != 2 || shape.dimension() != 3 || shape.get(0) != question.getShape().get(0)
                || shape.get(2) != question.getShape().get(1)) {
            throw new IllegalArgumentException("expected question [B, d] and options [B, K, d], got "
                    + question.getShape() + " and " + shape);
        }
        int batch = Math.toIntExact(shape.get(0));
        int count = Math.toIntExact(shape.get(1));
        int[] counts = new int[batch];
        java.util.Arrays.fill(counts, count);
        return new PromptTensors(batch, count, 0, counts, question, options, null, null, null);
    }

    public int batchSize() {
        return batchSize;
    }

    public int maxOptions() {
        return maxOptions;
    }

    public int maxContext() {
        return maxContext;
    }

    /** Number of real options of row {@code row}. */
    public int optionCount(int row) {
        return optionCounts[row];
    }

    /** [batch, dimension] */
    public NDArray question() {
        return question;
    }

    /** [batch, maxOptions, dimension], zero rows for padding. */
    public NDArray options() {
        return options;
    }

    /** [batch, maxOptions] additive mask; empty when every prompt has the same number of options. */
    public Optional<NDArray> optionMask() {
        return Optional.ofNullable(optionMask);
    }

    /** [batch, maxContext, dimension]; empty when no prompt has context. */
    public Optional<NDArray> context() {
        return Optional.ofNullable(context);
    }

    /** [batch, 1, maxContext + 1] additive mask over (null slot, context); empty when nothing is padded. */
    public Optional<NDArray> contextMask() {
        return Optional.ofNullable(contextMask);
    }
}
