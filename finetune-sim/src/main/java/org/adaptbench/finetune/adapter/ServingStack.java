package org.adaptbench.finetune.adapter;

import ai.djl.ndarray.NDArray;
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
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.lora.AdapterBinding;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LowRankDelta;
import org.adaptbench.finetune.lora.LowRankFactors;

/**
 * Every attached adapter stacked for mixed-adapter batches (the S-LoRA/Punica layout), resident in
 * one adapter-indexed block of direct memory: one row per slot holding, layer after layer, the
 * adapter's A [r_max, in] and scaled B<sup>T</sup> [r_max, out], zero-padded to the largest rank; slot 0
 * is all zeros (the base model). Zero padding adds exact zeros, so a row's result does not depend on
 * which other adapters share its batch. Attaching, swapping or detaching one adapter writes or frees
 * its row in place (the stack grows by doubling), so an adapter cache that loads and evicts adapters
 * does not rebuild the stack; only an adapter of a larger rank or a new layer does.
 *
 * <p>A batch copies its rows' factors out of the stack into a preallocated gather buffer laid out
 * per factor ([batch, r, in] for each layer's A, [batch, r, out] for its B<sup>T</sup>), which the forward
 * pass reads in place. The buffer keeps its tensors: they are made once, over the buffer's memory,
 * and serve every later batch of the same size, so a batch costs the row copies and the batched
 * matmuls and no tensor set-up (which, at some ten native calls, cost as much as the copy). A fresh
 * buffer per batch would also be a cold 2 MB allocation for 32 rows of the default model. A stays
 * [r, in] row-major and is read as a transposed view, which the batched matmul handles about twice
 * as fast as a copied A<sup>T</sup> [in, r] with only r columns.
 *
 * <p>The stack and its buffers live in direct memory, each factor block 64-byte aligned as PyTorch
 * aligns its own tensors (the matmul kernels then round the same way whether a tensor is PyTorch's
 * or ours), and are freed when the stack is closed.
 */
final class ServingStack implements AutoCloseable {

    private static final int ALIGNMENT = 64;
    private static final int FLOATS_PER_ALIGNMENT = ALIGNMENT / Float.BYTES;

    private final Map<String, Integer> slots = new HashMap<>();
    /** Freed slots, lowest first, reused before the stack grows. */
    private final TreeSet<Integer> freeSlots = new TreeSet<>();
    private final int maxRank;
    private final Set<ModelLayer> layers = EnumSet.noneOf(ModelLayer.class);
    private final int width;
    private final List<Factor> factors = new ArrayList<>();
    private final Map<ModelLayer, Factor[]> byLayer = new EnumMap<>(ModelLayer.class);
    private final NDManager manager;
    /** One spare gather buffer: a single serving thread reuses it (and its tensors), concurrent batches get their own. */
    private final AtomicReference<Gathered> spare = new AtomicReference<>();
    private ByteBuffer rows;
    /** Slots {@link #rows} has room for, slot 0 included. */
    private int capacity;
    /** One past the highest slot ever handed out. */
    private int used = 1;

    /** One factor of one layer: where it sits in a stack row and its shape per row, [r_max, columns]. */
    private record Factor(ModelLayer layer, int offset, int rank, int columns, boolean down) {

        int floats() {
            return rank * columns;
        }
    }

    /**
     * Stacks {@code adapters} (slots 1..n in list order) for a base model of shape {@code model},
     * laid out for their largest rank and every layer one of them targets; the tensors the stack
     * keeps belong to a sub-manager of {@code parent}.
     */
    ServingStack(ModelConfig model, List<LoraAdapter> adapters, NDManager parent) {
        this.maxRank = adapters.stream().mapToInt(adapter -> adapter.config().rank()).max().orElse(1);
        adapters.forEach(adapter -> layers.addAll(adapter.config().targets()));
        int columns = 0;
        for (ModelLayer layer : layers) {
            Factor down = new Factor(layer, columns, maxRank, model.inputsOf(layer), true);
            columns += down.floats();
            Factor up = new Factor(layer, columns, maxRank, model.outputsOf(layer), false);
            columns += up.floats();
            factors.add(down);
            factors.add(up);
            byLayer.put(layer, new Factor[] {down, up});
        }
        this.width = Math.max(columns, 1);
        this.capacity = adapters.size() + 1;
        this.rows = allocate((long) capacity * width);
        for (LoraAdapter adapter : adapters) {
            put(adapter);
        }
        this.manager = parent.newSubManager();
    }

    /** True when {@code adapter} fits this stack's layout (rank and layers), so {@link #put} can take it in place. */
    boolean fits(LoraAdapter adapter) {
        return adapter.config().rank() <= maxRank && layers.containsAll(adapter.config().targets());
    }

    /**
     * Writes {@code adapter} into its slot (a free one, or a new one when the name is new), in place:
     * attaching or swapping one adapter costs one row, not a rebuild of the stack. Callers make sure
     * no batch is reading the stack.
     */
    void put(LoraAdapter adapter) {
        if (!fits(adapter)) {
            throw new IllegalArgumentException("adapter " + adapter.name() + " does not fit the serving stack's layout");
        }
        Integer slot = slots.get(adapter.name());
        if (slot == null) {
            slot = freeSlots.isEmpty() ? used++ : freeSlots.pollFirst();
            if (slot >= capacity) {
                grow(Math.max(slot + 1, capacity * 2));
            }
            slots.put(adapter.name(), slot);
        }
        writeRow(slot, adapter);
    }

    /** Frees the slot of {@code name} (zeroing its row) if the stack holds it. Callers make sure no batch is reading the stack. */
    void remove(String name) {
        Integer slot = slots.remove(name);
        if (slot != null) {
            rows.put(slot * width * Float.BYTES, new byte[width * Float.BYTES]);
            freeSlots.add(slot);
        }
    }

    private void writeRow(int slot, LoraAdapter adapter) {
        FloatBuffer values = rows.asFloatBuffer();
        int base = slot * width;
        // zero first: a smaller rank or fewer layers than the slot's previous adapter leaves padding
        values.put(base, new float[width]);
        float scale = (float) adapter.config().scale();
        for (Map.Entry<ModelLayer, LowRankFactors> entry : adapter.factors().entrySet()) {
            LowRankFactors f = entry.getValue();
            Factor[] at = byLayer.get(entry.getKey());
            int r = f.rank();
            int out = f.outputs();
            // A [r, in] is already row-major: padding rows r..maxRank-1 stay zero
            values.put(base + at[0].offset(), f.a());
            float[] b = f.b();
            float[] scaledTransposed = new float[r * out];
            for (int j = 0; j < r; j++) {
                for (int o = 0; o < out; o++) {
                    scaledTransposed[j * out + o] = b[o * r + j] * scale;
                }
            }
            values.put(base + at[1].offset(), scaledTransposed);
        }
    }

    private void grow(int slotCount) {
        ByteBuffer larger = allocate((long) slotCount * width);
        larger.put(0, rows, 0, capacity * width * Float.BYTES);
        rows = larger;
        capacity = slotCount;
    }

    /** Slot of an attached adapter; 0 (the base model) for none. */
    int slotOf(String adapter) {
        Integer slot = slots.get(adapter);
        if (slot == null) {
            throw new IllegalStateException("adapter " + adapter + " is not in the serving stack");
        }
        return slot;
    }

    /** Copies the factors of a batch whose row i uses slot {@code rowSlots[i]}; close the result after the forward pass. */
    Gathered gather(int[] rowSlots) {
        int count = rowSlots.length;
        Gathered gathered = spare.getAndSet(null);
        if (gathered == null || gathered.capacity < count) {
            if (gathered != null) {
                gathered.release();
            }
            gathered = new Gathered(count);
        }
        gathered.fill(rowSlots);
        return gathered;
    }

    /** Frees the tensors of the spare buffer; the stack must not serve batches after this. */
    @Override
    public void close() {
        Gathered last = spare.getAndSet(null);
        if (last != null) {
            last.release();
        }
        manager.close();
    }

    /**
     * A gather buffer and the tensors over it: each factor a block [rows, r, columns], 64-byte
     * aligned; {@link #bind} hands out per-row deltas as views of those blocks.
     */
    final class Gathered implements AutoCloseable {

        private final int capacity;
        private final ByteBuffer buffer;
        /** Float offset of each factor's block, in {@link #factors} order, for {@link #capacity} rows. */
        private final int[] blockOffsets;
        private NDManager tensors;
        private int filledRows;
        private int boundRows = -1;
        private AdapterBinding binding;

        private Gathered(int capacity) {
            this.capacity = capacity;
            this.blockOffsets = new int[factors.size()];
            long floats = 0;
            for (int i = 0; i < factors.size(); i++) {
                blockOffsets[i] = Math.toIntExact(floats);
                floats += alignUp((long) capacity * factors.get(i).floats());
            }
            this.buffer = allocate(Math.max(floats, 1));
        }

        private void fill(int[] rowSlots) {
            filledRows = rowSlots.length;
            int rowBytes = width * Float.BYTES;
            for (int i = 0; i < factors.size(); i++) {
                Factor factor = factors.get(i);
                int bytes = factor.floats() * Float.BYTES;
                int block = blockOffsets[i] * Float.BYTES;
                int from = factor.offset() * Float.BYTES;
                for (int row = 0; row < rowSlots.length; row++) {
                    buffer.put(block + row * bytes, rows, rowSlots[row] * rowBytes + from, bytes);
                }
            }
        }

        /**
         * Per-row deltas over the gathered rows. The tensors are kept with the buffer (made again
         * only when the batch size changes), so the forward pass reads them and must not close them.
         */
        AdapterBinding bind() {
            if (factors.isEmpty()) {
                return AdapterBinding.NONE;
            }
            int batchRows = filledRows;
            if (batchRows != boundRows) {
                if (tensors != null) {
                    tensors.close();
                }
                tensors = manager.newSubManager();
                Map<ModelLayer, LowRankDelta> deltas = new EnumMap<>(ModelLayer.class);
                NDArray pendingDown = null;
                for (int i = 0; i < factors.size(); i++) {
                    Factor factor = factors.get(i);
                    int bytes = batchRows * factor.floats() * Float.BYTES;
                    ByteBuffer block = buffer.slice(blockOffsets[i] * Float.BYTES, bytes).order(ByteOrder.nativeOrder());
                    NDArray tensor = tensors.create(block, new Shape(batchRows, factor.rank(), factor.columns()), DataType.FLOAT32);
                    if (factor.down()) {
                        pendingDown = tensor.transpose(0, 2, 1);
                    } else {
                        deltas.put(factor.layer(), LowRankDelta.perRow(pendingDown, tensor));
                    }
                }
                binding = new AdapterBinding(deltas);
                boundRows = batchRows;
            }
            return binding;
        }

        /** Hands the buffer back for the next batch; the forward pass over it must be done by now. */
        @Override
        public void close() {
            if (!spare.compareAndSet(null, this)) {
                release();
            }
        }

        private void release() {
            if (tensors != null) {
                tensors.close();
                tensors = null;
                boundRows = -1;
            }
        }
    }

    private static long alignUp(long floats) {
        return (floats + FLOATS_PER_ALIGNMENT - 1) / FLOATS_PER_ALIGNMENT * FLOATS_PER_ALIGNMENT;
    }

    /** {@code floats} floats of zeroed direct memory, 64-byte aligned, in native byte order. */
    private static ByteBuffer allocate(long floats) {
        long bytes = floats * Float.BYTES;
        if (bytes > Integer.MAX_VALUE - 2 * ALIGNMENT) {
            throw new IllegalStateException(String.format(Locale.US,
                    "a serving stack of %d floats needs %d bytes, more than one direct buffer holds (2 GB)", floats, bytes));
        }
        ByteBuffer raw = ByteBuffer.allocateDirect((int) bytes + 2 * ALIGNMENT);
        return raw.alignedSlice(ALIGNMENT).slice(0, (int) bytes).order(ByteOrder.nativeOrder());
    }
}
