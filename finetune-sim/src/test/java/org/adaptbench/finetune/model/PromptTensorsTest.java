package org.adaptbench.finetune.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.adaptbench.finetune.runtime.TorchRuntime;
import org.junit.jupiter.api.Test;

/** Packing writes every vector where the model reads it, pads with zeros, masks only padding, and reuses its staging memory safely. */
class PromptTensorsTest {

    private static float[] v(float... values) {
        return values;
    }

    @Test
    void packedTensorsHoldTheVectorsPaddingAndMasks() {
        Prompt wide = new Prompt(v(1, 2), List.of(v(3, 4), v(5, 6)), List.of(v(7, 8), v(9, 10), v(11, 12)));
        Prompt narrow = new Prompt(v(13, 14), List.of(), List.of(v(15, 16), v(17, 18)));
        try (NDManager manager = TorchRuntime.newManager()) {
            PromptTensors batch = PromptTensors.pack(manager, List.of(wide, narrow), 2, false);
            assertArrayEquals(v(1, 2, 13, 14), batch.question().toFloatArray());
            assertArrayEquals(v(7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 0, 0), batch.options().toFloatArray());
            assertArrayEquals(v(3, 4, 5, 6, 0, 0, 0, 0), batch.context().orElseThrow().toFloatArray());
            assertArrayEquals(v(0, 0, 0, 0, 0, PromptTensors.MASKED), batch.optionMask().orElseThrow().toFloatArray());
            assertArrayEquals(v(0, 0, 0, 0, PromptTensors.MASKED, PromptTensors.MASKED), batch.contextMask().orElseThrow().toFloatArray());
            assertEquals(2, batch.optionCount(1));

            // a later, larger pack reuses (and grows) the staging memory: the first batch's tensors are untouched
            Prompt big = new Prompt(new float[2], List.of(), java.util.Collections.nCopies(40_000, v(1, 1)));
            PromptTensors large = PromptTensors.pack(manager, List.of(big), 2, true);
            assertEquals(80_000, large.options().toFloatArray().length);
            assertTrue(large.context().isEmpty() && large.optionMask().isEmpty());
            assertArrayEquals(v(1, 2, 13, 14), batch.question().toFloatArray());
            assertArrayEquals(v(7, 8, 9, 10, 11, 12, 15, 16, 17, 18, 0, 0), batch.options().toFloatArray());

            PromptTensors dropped = PromptTensors.pack(manager, List.of(wide, narrow), 2, true);
            assertTrue(dropped.context().isEmpty() && dropped.contextMask().isEmpty());
        }
    }
}
