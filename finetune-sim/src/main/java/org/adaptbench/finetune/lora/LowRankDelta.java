package org.adaptbench.finetune.lora;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * The low-rank update of one Linear layer as tensors ready for a forward pass, with the LoRA
 * scale alpha/r already folded into {@code up}.
 *
 * <p>Two layouts: <em>shared</em> (one adapter for every row of the batch; {@code down} is A with
 * shape [r, in], {@code up} is B with shape [out, r]) and <em>per row</em> (row i of the batch has its
 * own adapter, gathered S-LoRA/Punica style; {@code down} is A<sup>T</sup> with shape [batch, in, r] and
 * {@code up} is B<sup>T</sup> with shape [batch, r, out]).
 *
 * @param down the down projection A (or its per-row transposes)
 * @param up the scaled up projection B (or its per-row transposes)
 * @param perRow which layout this is
 */
public record LowRankDelta(NDArray down, NDArray up, boolean perRow) {

    public LowRankDelta {
        Objects.requireNonNull(down, "down");
        Objects.requireNonNull(up, "up");
        int expectedRank = perRow ? 3 : 2;
        if (down.getShape().dimension() != expectedRank || up.getShape().dimension() != expectedRank) {
            throw new IllegalArgumentException("a " + (perRow ? "per-row" : "shared") + " delta needs rank-"
                    + expectedRank + " factors, got " + down.getShape() + " and " + up.getShape());
        }
    }

    public static LowRankDelta shared(NDArray a, NDArray scaledB) {
        return new LowRankDelta(a, scaledB, false);
    }

    public static LowRankDelta perRow(NDArray aTransposed, NDArray scaledBTransposed) {
        return new LowRankDelta(aTransposed, scaledBTransposed, true);
    }
}
