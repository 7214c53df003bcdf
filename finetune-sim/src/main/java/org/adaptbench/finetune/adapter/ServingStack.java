package org.adaptbench.finetune.adapter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaptbench.finetune.model.TorchRuntime;
import org.adaptbench.finetune.lora.AdapterBinding;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LowRankDelta;
import org.adaptbench.finetune.lora.LowRankFactors;
import org.adaptbench.finetune.model.ModelConfig;
import org.adaptbench.finetune.model.ModelLayer;

/**
 * Every attached adapter stacked for mixed-adapter batches (the S-LoRA/Punica layout): one row per
 * slot holding, layer after layer, the adapter's A [r_max, in] and scaled B<sup>T</sup> [r_max, out],
 * zero-padded to the largest rank; slot 0 is all zeros (the base model). Zero padding adds exact
 * zeros, so a row's result does not depend on which other adapters share its batch.
 *
 * <p>One row per slot makes a batch's gather a single copy (an embedding lookup) for every layer at
 * once; each layer's factors are then views into the gathered rows. A is kept as it was trained,
 * [r, in] row-major, and handed to the forward pass as its transposed view: the batched matmul
 * then reads it as a transposed operand, about twice as fast on CPU as a copied A<sup>T</sup> [in, r]
 * with only r columns.
 */
final class ServingStack implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, Integer> slots = new HashMap<>();
    private final NDArray rows;
    private final Map<ModelLayer, long[]> shapes = new EnumMap<>(ModelLayer.class);
    private final long[] splitPoints;

    ServingStack(NDManager parent, ModelConfig model, List<LoraAdapter> adapters) {
        this.manager = parent.newSubManager();
        int maxRank = adapters.stream().mapToInt(adapter -> adapter.config().rank()).max().orElse(1);
        Set<ModelLayer> layers = EnumSet.noneOf(ModelLayer.class);
        for (int i = 0; i < adapters.size(); i++) {
            slots.put(adapters.get(i).name(), i + 1);
            layers.addAll(adapters.get(i).config().targets());
        }
        // where each layer's A and B^T start within a row
        Map<ModelLayer, int[]> offsets = new EnumMap<>(ModelLayer.class);
        List<Long> points = new ArrayList<>();
        int width = 0;
        for (ModelLayer layer : layers) {
            int in = model.inputsOf(layer);
            int out = model.outputsOf(layer);
            offsets.put(layer, new int[] {width, width + maxRank * in});
            shapes.put(layer, new long[] {maxRank, in, out});
            points.add((long) width);
            points.add((long) width + (long) maxRank * in);
            width += maxRank * (in + out);
        }
        int count = adapters.size() + 1;
        float[] values = new float[Math.multiplyExact(count, Math.max(width, 1))];
        for (int slot = 1; slot < count; slot++) {
            LoraAdapter adapter = adapters.get(slot - 1);
            float scale = (float) adapter.config().scale();
            for (Map.Entry<ModelLayer, LowRankFactors> entry : adapter.factors().entrySet()) {
                LowRankFactors f = entry.getValue();
                int[] at = offsets.get(entry.getKey());
                int r = f.rank();
                int out = f.outputs();
                int base = slot * width;
                // A [r, in] is already row-major: padding rows r..maxRank-1 stay zero
                System.arraycopy(f.a(), 0, values, base + at[0], r * f.inputs());
                float[] b = f.b();
                for (int j = 0; j < r; j++) {
                    for (int o = 0; o < out; o++) {
                        values[base + at[1] + j * out + o] = b[o * r + j] * scale;
                    }
                }
            }
        }
        this.rows = TorchRuntime.tensor(manager, values, new Shape(count, Math.max(width, 1)));
        this.splitPoints = points.stream().mapToLong(Long::longValue).skip(1).toArray();
    }

    /** Slot of an attached adapter; 0 (the base model) for none. */
    int slotOf(String adapter) {
        Integer slot = slots.get(adapter);
        if (slot == null) {
            throw new IllegalStateException("adapter " + adapter + " is not in the serving stack");
        }
        return slot;
    }

    /** Per-row deltas for a batch whose row i uses slot {@code rowSlots[i]}, gathered inside {@code scope}. */
    AdapterBinding gather(NDManager scope, long[] rowSlots) {
        if (shapes.isEmpty()) {
            return AdapterBinding.NONE;
        }
        NDArray index = scope.create(rowSlots);
        // an embedding lookup is an index_select: one copy of the batch's rows, cheaper than advanced indexing
        NDArray gathered = Embedding.embedding(index, rows, SparseFormat.DENSE).singletonOrThrow();
        gathered.attach(scope);
        NDList parts = splitPoints.length == 0 ? new NDList(gathered) : gathered.split(splitPoints, 1);
        Map<ModelLayer, LowRankDelta> deltas = new EnumMap<>(ModelLayer.class);
        int rowsInBatch = rowSlots.length;
        int part = 0;
        for (Map.Entry<ModelLayer, long[]> entry : shapes.entrySet()) {
            long[] shape = entry.getValue();
            NDArray down = parts.get(part++).reshape(rowsInBatch, shape[0], shape[1]).transpose(0, 2, 1);
            NDArray up = parts.get(part++).reshape(rowsInBatch, shape[0], shape[2]);
            deltas.put(entry.getKey(), LowRankDelta.perRow(down, up));
        }
        return new AdapterBinding(deltas);
    }

    @Override
    public void close() {
        manager.close();
    }
}
