package org.adaptbench.finetune.lora;

import java.util.Arrays;

/**
 * The two LoRA matrices of one layer, A [rank, inputs] and B [outputs, rank], row-major, unscaled.
 * Immutable: arrays are copied in and out.
 */
public final class LowRankFactors {

    private final int rank;
    private final int inputs;
    private final int outputs;
    private final float[] a;
    private final float[] b;

    public LowRankFactors(int rank, int inputs, int outputs, float[] a, float[] b) {
        if (rank <= 0 || inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("rank, inputs and outputs must be positive: " + rank + ", " + inputs + ", " + outputs);
        }
        if (a.length != rank * inputs || b.length != outputs * rank) {
            throw new IllegalArgumentException("factor sizes " + a.length + " and " + b.length + " do not fit rank " + rank
                    + ", " + inputs + " inputs, " + outputs + " outputs");
        }
        for (float value : a) {
            finite(value, "A");
        }
        for (float value : b) {
            finite(value, "B");
        }
        this.rank = rank;
        this.inputs = inputs;
        this.outputs = outputs;
        this.a = a.clone();
        this.b = b.clone();
    }

    public int rank() {
        return rank;
    }

    public int inputs() {
        return inputs;
    }

    public int outputs() {
        return outputs;
    }

    /** A copy of A, [rank, inputs] row-major. */
    public float[] a() {
        return a.clone();
    }

    /** A copy of B, [outputs, rank] row-major. */
    public float[] b() {
        return b.clone();
    }

    public long parameterCount() {
        return (long) a.length + b.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LowRankFactors that && rank == that.rank && inputs == that.inputs
                && outputs == that.outputs && Arrays.equals(a, that.a) && Arrays.equals(b, that.b);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(a) + Arrays.hashCode(b);
    }

    private static void finite(float value, String matrix) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException("LoRA matrix " + matrix + " has a non-finite value " + value);
        }
    }
}
