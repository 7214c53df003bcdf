package org.adaptbench.finetune.lora;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Optional;
import java.util.Set;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.runtime.TorchRuntime;
import org.junit.jupiter.api.Test;

class LoraLinearTest {

    @Test
    void theDeltaIsScaledBTimesAAndZeroBLeavesTheBaseOutput() {
        try (NDManager manager = TorchRuntime.newManager()) {
            LoraLinear layer = new LoraLinear(ModelLayer.HIDDEN_2,
                    manager.create(new float[] {1, 2, 3, 4, 5, 6}, new Shape(2, 3)), manager.create(new float[] {0.5f, -1}, new Shape(2)));
            NDArray x = manager.create(new float[] {1, 0, 2}, new Shape(1, 3));
            float[] base = layer.apply(x, Optional.empty()).toFloatArray();
            assertArrayEquals(new float[] {7.5f, 15}, base);
            NDArray a = manager.create(new float[] {1, 1, 1}, new Shape(1, 3));
            float[] zeroB = layer.apply(x, Optional.of(LowRankDelta.shared(a, manager.zeros(new Shape(2, 1))))).toFloatArray();
            assertArrayEquals(base, zeroB);
            // B = [1, 2], scale folded in as 2: delta = 2 * [1, 2]^T * (x . [1,1,1] = 3) = [6, 12]
            NDArray scaledB = manager.create(new float[] {2, 4}, new Shape(2, 1));
            float[] adapted = layer.apply(x, Optional.of(LowRankDelta.shared(a, scaledB))).toFloatArray();
            assertArrayEquals(new float[] {13.5f, 27}, adapted, 1e-6f);
            // per-row layout gives the same row result, and so does the DJL block entry point
            NDArray x3 = x.reshape(1, 1, 3);
            float[] perRow = layer.apply(x3, Optional.of(LowRankDelta.perRow(a.transpose().reshape(1, 3, 1), scaledB.transpose().reshape(1, 1, 2))))
                    .toFloatArray();
            assertArrayEquals(adapted, perRow, 1e-6f);
            float[] block = layer.forward(new ParameterStore(manager, false), new NDList(x, a, scaledB), false).singletonOrThrow().toFloatArray();
            assertArrayEquals(adapted, block, 1e-6f);
            assertTrue(!layer.weight().hasGradient(), "base weights are frozen");
        }
    }

    @Test
    void rankMustBePositiveAndFitEveryTargetLayer() {
        ModelConfig model = new ModelConfig(16, 8, 32, 16, 1);
        assertThrows(IllegalArgumentException.class, () -> new LoraConfig(0, 16, LoraConfig.HIDDEN_AND_ATTENTION));
        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class,
                () -> new LoraConfig(9, 16, Set.of(ModelLayer.QUERY)).checkFits(model));
        assertTrue(tooLarge.getMessage().contains("query"), tooLarge.getMessage());
        new LoraConfig(8, 16, Set.of(ModelLayer.QUERY)).checkFits(model);
        assertThrows(IllegalArgumentException.class, () -> new LoraConfig(2, 16, Set.of(ModelLayer.SCORE)).checkFits(model));
    }
}
