package org.adaptbench.finetune.adapter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.lora.AdapterBinding;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LowRankDelta;
import org.adaptbench.finetune.lora.LowRankFactors;

/**
 * Every attached adapter stacked for mixed-adapter batches (the S-LoRA/Punica layout): one row per
 * slot holding, layer after layer, the adapter's A [r_max, in] and scaled B<sup>T</sup> [r_max, out],
 * zero-padded to the largest rank; slot 0 is all zeros (the base model). Zero padding adds exact
 * zeros, so a row's result does not depend on which other adapters share its batch.
 *
 * <p>A batch's rows are copied out of the stack into a reused buffer that the forward pass reads in
 * place (a tensor over the same memory, no copy): a fresh tensor per batch would be a cold 2 MB
 * allocation for 32 rows of the default model, and on a CPU shared with other work that write cost
 * more than the batched matmuls that read it. Each layer's factors are views into the gathered
 * rows; A stays [r, in] row-major and is read as a transposed view, which the batched matmul
 * handles about twice as fast as a copied A<sup>T</sup> [in, r] with only r columns.
 *
 * <p>The stack and its buffers live in direct memory, 64-byte aligned as PyTorch aligns its own
 * tensors (the matmul kernels then round the same way), and are freed with the stack.
 */
final class ServingStack {

    private static final int ALIGNMENT = 64;

    private final Map<String, Integer> slots = new HashMap<>();
    private final ByteBuffer rows;
    private final int width;
    private final Map<ModelLayer, long[]> shapes = new EnumMap<>(ModelLayer.class);
    private final long[] splitPoints;
    /** One spare gather buffer: a single serving thread reuses it, concurrent batches get their own. */
    private final AtomicReference<ByteBuffer> spare = new AtomicReference<>();

    ServingStack(ModelConfig model, List<LoraAdapter> adapters) {
        int maxRank = adapters.stream().mapToInt(adapter -> adapter.config().rank()).max().orElse(1);
        Set<ModelLayer> layers = EnumSet.noneOf(ModelLayer.class);
        for (int i = 0; i < adapters.size(); i++) {
            slots.put(adapters.get(i).name(), i + 1);
            layers.addAll(adapters.get(i).config().targets());
        }
        // where each layer's A and B^T start within a row
        Map<ModelLayer, int[]> offsets = new EnumMap<>(ModelLayer.class);
        List<Long> points = new ArrayList<>();
        int columns = 0;
        for (ModelLayer layer : layers) {
            int in = model.inputsOf(layer);
            int out = model.outputsOf(layer);
            offsets.put(layer, new int[] {columns, columns + maxRank * in});
            shapes.put(layer, new long[] {maxRank, in, out});
            points.add((long) columns);
            points.add((long) columns + (long) maxRank * in);
            columns += maxRank * (in + out);
        }
        this.width = Math.max(columns, 1);
        this.splitPoints = points.stream().mapToLong(Long::longValue).skip(1).toArray();
        int count = adapters.size() + 1;
        this.rows = allocate(count, width);
        FloatBuffer values = rows.asFloatBuffer();
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
                values.put(base + at[0], f.a());
                float[] b = f.b();
                float[] scaledTransposed = new float[r * out];
                for (int j = 0; j < r; j++) {
                    for (int o = 0; o < out; o++) {
                        scaledTransposed[j * out + o] = b[o * r + j] * scale;
                    }
                }
                values.put(base + at[1], scaledTransposed);
            }
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

    /** Copies the rows of a batch whose row i uses slot {@code rowSlots[i]}; close the result after the forward pass. */
    Gathered gather(int[] rowSlots) {
        int count = rowSlots.length;
        int rowBytes = width * Float.BYTES;
        ByteBuffer buffer = spare.getAndSet(null);
        if (buffer == null || buffer.capacity() < count * rowBytes) {
            buffer = allocate(count, width);
        }
        for (int i = 0; i < count; i++) {
            buffer.put(i * rowBytes, rows, rowSlots[i] * rowBytes, rowBytes);
        }
        return new Gathered(buffer, count);
    }

    /** A batch's rows, copied out of the stack; {@link #bind} makes the forward pass's tensors over them. */
    final class Gathered implements AutoCloseable {

        private final ByteBuffer buffer;
        private final int count;

        private Gathered(ByteBuffer buffer, int count) {
            this.buffer = buffer;
            this.count = count;
        }

        /** Per-row deltas as views of one tensor over the gathered rows, owned by {@code scope}. */
        AdapterBinding bind(NDManager scope) {
            if (shapes.isEmpty()) {
                return AdapterBinding.NONE;
            }
            ByteBuffer bytes = buffer.slice(0, count * width * Float.BYTES).order(ByteOrder.nativeOrder());
            NDArray gathered = scope.create(bytes, new Shape(count, width), DataType.FLOAT32);
            NDList parts = splitPoints.length == 0 ? new NDList(gathered) : gathered.split(splitPoints, 1);
            Map<ModelLayer, LowRankDelta> deltas = new EnumMap<>(ModelLayer.class);
            int part = 0;
            for (Map.Entry<ModelLayer, long[]> entry : shapes.entrySet()) {
                long[] shape = entry.getValue();
                NDArray down = parts.get(part++).reshape(count, shape[0], shape[1]).transpose(0, 2, 1);
                NDArray up = parts.get(part++).reshape(count, shape[0], shape[2]);
                deltas.put(entry.getKey(), LowRankDelta.perRow(down, up));
            }
            return new AdapterBinding(deltas);
        }

        /** Hands the buffer back for the next batch; the tensors over it must be closed by now. */
        @Override
        public void close() {
            spare.set(buffer);
        }
    }

    /** {@code count} rows of {@code width} floats of zeroed direct memory, 64-byte aligned, in native byte order. */
    private static ByteBuffer allocate(int count, int width) {
        long bytes = (long) count * width * Float.BYTES;
        if (bytes > Integer.MAX_VALUE - ALIGNMENT) {
            throw new IllegalStateException(String.format(Locale.US,
                    "a serving stack of %d rows of %d floats needs %d bytes, more than one direct buffer holds (2 GB)", count, width, bytes));
        }
        ByteBuffer raw = ByteBuffer.allocateDirect((int) bytes + 2 * ALIGNMENT);
        return raw.alignedSlice(ALIGNMENT).slice(0, (int) bytes).order(ByteOrder.nativeOrder());
    }
}
