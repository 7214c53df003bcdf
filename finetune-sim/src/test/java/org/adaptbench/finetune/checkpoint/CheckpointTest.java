package org.adaptbench.finetune.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static byte[] sample() {
        return new CheckpointWriter("TEST", 1).writeString("name").writeInt(7).writeDouble(0.5)
                .writeTensor("t", new long[] {2, 2}, new float[] {1, 2, 3, 4}).toBytes();
    }

    @Test
    void fieldsRoundTrip() {
        CheckpointReader reader = CheckpointReader.of("sample", sample(), "TEST", 1);
        assertEquals("name", reader.readString());
        assertEquals(7, reader.readInt());
        assertEquals(0.5, reader.readDouble());
        assertArrayEquals(new float[] {1, 2, 3, 4}, reader.readTensor("t", 2, 2));
        reader.expectEnd();
    }

    @Test
    void truncationCorruptionAndOtherFormatsAreRefused() {
        byte[] bytes = sample();
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 3);
        assertTrue(assertThrows(CheckpointFormatException.class, () -> CheckpointReader.of("cut", cut, "TEST", 1)).getMessage().contains("truncated"));
        byte[] flipped = bytes.clone();
        flipped[bytes.length / 2] ^= 1;
        assertTrue(assertThrows(CheckpointFormatException.class, () -> CheckpointReader.of("flip", flipped, "TEST", 1)).getMessage().contains("corrupt"));
        assertTrue(assertThrows(CheckpointFormatException.class, () -> CheckpointReader.of("other", bytes, "OTHER", 1)).getMessage().contains("not a OTHER"));
        assertTrue(assertThrows(CheckpointFormatException.class, () -> CheckpointReader.of("v2", bytes, "TEST", 2)).getMessage().contains("version"));
        CheckpointReader reader = CheckpointReader.of("shape", bytes, "TEST", 1);
        reader.readString();
        reader.readInt();
        reader.readDouble();
        assertTrue(assertThrows(CheckpointFormatException.class, () -> reader.readTensor("t", 4)).getMessage().contains("shape"));
    }
}
