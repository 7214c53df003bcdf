package org.adaptbench.finetune.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Optional;
import org.adaptbench.finetune.architecture.ModelLayer;

/**
 * A Linear layer that can carry a LoRA update: {@code h = W x + b + (alpha/r) B A x}.
 *
 * <p>The base weight W and bias b are frozen {@link Parameter}s of this block (they never require
 * gradients here; pre-training trains copies and builds a new block). Adapters are not stored in the
 * block: they arrive with each forward pass as a {@link LowRankDelta}, so one batch can mix rows
 * with different adapters and the block stays shared by every user. As a DJL block its inputs are
 * {@code (x)} for the base layer or {@code (x, down, up)} for a delta (rank-2 factors shared by the
 * batch, rank-3 factors per row).
 */
public final class LoraLinear extends AbstractBlock {

    private static final byte VERSION = 1;

    private final ModelLayer layer;
    private final int inputs;
    private final int outputs;
    private final Parameter weight;
    private final Parameter bias;

    /**
     * @param weight shape [outputs, inputs]; the block takes ownership
     * @param bias shape [outputs]; the block takes ownership
     */
    public LoraLinear(ModelLayer layer, NDArray weight, NDArray bias) {
        super(VERSION);
        Shape shape = weight.getShape();
        if (shape.dimension() != 2 || bias.getShape().dimension() != 1 || bias.getShape().get(0) != shape.get(0)) {
            throw new IllegalArgumentException("layer " + layer.id() + ": weight " + shape + " and bias " + bias.getShape() + " do not fit");
        }
        this.layer = layer;
        this.outputs = Math.toIntExact(shape.get(0));
        this.inputs = Math.toIntExact(shape.get(1));
        weight.setRequiresGradient(false);
        bias.setRequiresGradient(false);
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optArray(weight).optRequiresGrad(false).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optArray(bias).optRequiresGrad(false).build());
    }

    public ModelLayer layer() {
        return layer;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** The live base weight [outputs, inputs]; only merging writes to it. */
    public NDArray weight() {
        return weight.getArray();
    }

    /** The live base bias [outputs]. */
    public NDArray bias() {
        return bias.getArray();
    }

    /** {@code W x + b}, then the delta if there is one. */
    public NDArray apply(NDArray x, Optional<LowRankDelta> delta) {
        return compute(x, weight.getArray(), bias.getArray(), delta);
    }

    /** Adds {@code delta} ([outputs, inputs]) to the base weight in place: merging an adapter. */
    public void addToWeight(NDArray delta) {
        checkDeltaShape(delta);
        weight.getArray().addi(delta);
    }

    /** Subtracts {@code delta} from the base weight in place: unmerging an adapter. */
    public void subtractFromWeight(NDArray delta) {
        checkDeltaShape(delta);
        weight.getArray().subi(delta);
    }

    /** Overwrites the base weight with {@code values} (row-major [outputs, inputs]). */
    public void overwriteWeight(float[] values) {
        if (values.length != inputs * outputs) {
            throw new IllegalArgumentException("layer " + layer.id() + " has " + inputs * outputs + " weights, got " + values.length);
        }
        NDArray live = weight.getArray();
        // in place (x·0 + v is exact for finite weights): replacing the storage would move the tensor, and
        // a matmul over differently aligned memory may round differently
        try (NDArray replacement = org.adaptbench.finetune.runtime.TorchRuntime.tensor(live.getManager(), values, live.getShape())) {
            live.muli(0).addi(replacement);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray w = parameterStore.getValue(weight, x.getDevice(), training);
        NDArray b = parameterStore.getValue(bias, x.getDevice(), training);
        Optional<LowRankDelta> delta = switch (inputs.size()) {
            case 1 -> Optional.empty();
            case 3 -> Optional.of(new LowRankDelta(inputs.get(1), inputs.get(2), inputs.get(1).getShape().dimension() == 3));
            default -> throw new IllegalArgumentException("LoraLinear takes (x) or (x, down, up), got " + inputs.size() + " inputs");
        };
        return new NDList(compute(x, w, b, delta));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {x.slice(0, x.dimension() - 1).add(outputs)};
    }

    private NDArray compute(NDArray x, NDArray w, NDArray b, Optional<LowRankDelta> delta) {
        long width = x.getShape().get(x.getShape().dimension() - 1);
        if (width != inputs) {
            throw new IllegalArgumentException("layer " + layer.id() + " expects " + inputs + " inputs, got shape " + x.getShape());
        }
        NDArray base = Linear.linear(x, w, b).singletonOrThrow();
        if (delta.isEmpty()) {
            return base;
        }
        LowRankDelta d = delta.get();
        if (d.perRow()) {
            // S-LoRA/Punica: each row multiplies by its own gathered A^T then B^T (batched matmul); the
            // sum goes in place into base, a fresh tensor that no backward pass needs (linear saves its inputs)
            return base.addi(x.batchMatMul(d.down()).batchMatMul(d.up()));
        }
        // torch's linear adds a full-shaped "bias", so B (A x) + base costs one op, not two
        NDArray reduced = Linear.linear(x, d.down()).singletonOrThrow();
        return Linear.linear(reduced, d.up(), base).singletonOrThrow();
    }

    private void checkDeltaShape(NDArray delta) {
        if (!delta.getShape().equals(weight.getArray().getShape())) {
            throw new IllegalArgumentException("layer " + layer.id() + ": delta " + delta.getShape() + " does not match weight " + weight.getArray().getShape());
        }
    }
}
