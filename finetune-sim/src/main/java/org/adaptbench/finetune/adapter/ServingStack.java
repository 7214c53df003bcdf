package org.adaptbench.finetune.adapter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
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
 * Every attached adapter stacked per layer for mixed-adapter batches (the S-LoRA/Punica layout):
 * slot 0 is all zeros (the base model), slot i holds adapter i's A<sup>T</sup> [in, r_max] and scaled
 * B<sup>T</sup> [r_max, out], zero-padded to the largest rank. Zero padding adds exact zeros, so a
 * row's result does not depend on which other adapters share its batch.
 */
final class ServingStack implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<ModelLayer, NDArray> down = new EnumMap<>(ModelLayer.class);
    private final Map<ModelLayer, NDArray> up = new EnumMap<>(ModelLayer.class);
    private final Map<ModelLayer, long[]> shapes = new EnumMap<>(ModelLayer.class);

    ServingStack(NDManager parent, ModelConfig model, List<LoraAdapter> adapters) {
        this.manager = parent.newSubManager();
        int maxRank = adapters.stream().mapToInt(adapter -> adapter.config().rank()).max().orElse(1);
        Set<ModelLayer> layers = EnumSet.noneOf(ModelLayer.class);
        for (int i = 0; i < adapters.size(); i++) {
            slots.put(adapters.get(i).name(), i + 1);
            layers.addAll(adapters.get(i).config().targets());
        }
        int count = adapters.size() + 1;
        for (ModelLayer layer : layers) {
            int in = model.inputsOf(layer);
            int out = model.outputsOf(layer);
            float[] downValues = new float[count * in * maxRank];
            float[] upValues = new float[count * maxRank * out];
            for (int slot = 1; slot < count; slot++) {
                LoraAdapter adapter = adapters.get(slot - 1);
                LowRankFactors f = adapter.factors().get(layer);
                if (f == null) {
                    continue;
                }
                int r = f.rank();
                float[] a = f.a();
                float[] b = f.b();
                float scale = (float) adapter.config().scale();
                for (int j = 0; j < r; j++) {
                    for (int i = 0; i < in; i++) {
                        downValues[(slot * in + i) * maxRank + j] = a[j * in + i];
                    }
                    for (int o = 0; o < out; o++) {
                        upValues[(slot * maxRank + j) * out + o] = b[o * r + j] * scale;
                    }
                }
            }
            // flat rows: gathering is then an embedding lookup (index_select), cheaper than advanced indexing
            down.put(layer, TorchRuntime.tensor(manager, downValues, new Shape(count, (long) in * maxRank)));
            up.put(layer, TorchRuntime.tensor(manager, upValues, new Shape(count, (long) maxRank * out)));
            shapes.put(layer, new long[] {in, maxRank, out});
        }
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
        NDArray index = scope.create(rowSlots);
        Map<ModelLayer, LowRankDelta> deltas = new EnumMap<>(ModelLayer.class);
        int rows = rowSlots.length;
        for (ModelLayer layer : down.keySet()) {
            long[] shape = shapes.get(layer);
            NDArray rowDown = Embedding.embedding(index, down.get(layer), SparseFormat.DENSE).singletonOrThrow();
            NDArray rowUp = Embedding.embedding(index, up.get(layer), SparseFormat.DENSE).singletonOrThrow();
            // gathered copies belong to the stack's manager until moved into the pass's scope
            rowDown.attach(scope);
            rowUp.attach(scope);
            deltas.put(layer, LowRankDelta.perRow(rowDown.reshape(rows, shape[0], shape[1]), rowUp.reshape(rows, shape[1], shape[2])));
        }
        return new AdapterBinding(deltas);
    }

    @Override
    public void close() {
        manager.close();
    }
}
