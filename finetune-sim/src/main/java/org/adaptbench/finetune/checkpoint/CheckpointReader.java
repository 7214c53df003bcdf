package org.adaptbench.finetune.checkpoint;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a file written by {@link CheckpointWriter}, after checking its magic, version and checksum. */
public final class CheckpointReader {

    private static final int DIGEST_BYTES = 32;
    private static final int MAX_STRING_BYTES = 1 << 20;

    private final String source;
    private final DataInputStream in;

    private CheckpointReader(String source, byte[] body) {
        this.source = source;
        this.in = new DataInputStream(new ByteArrayInputStream(body));
    }

    /** Opens {@code file}; fails naming the file if it is missing, truncated, corrupt, or not of this kind. */
    public static CheckpointReader open(Path file, String magic, int version) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CheckpointFormatException("file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return of(file.toString(), bytes, magic, version);
    }

    /** Checks and opens the bytes of a checkpoint; {@code source} names it in error messages. */
    public static CheckpointReader of(String source, byte[] bytes, String magic, int version) {
        if (bytes.length <= DIGEST_BYTES) {
            throw new CheckpointFormatException(source + " is truncated: " + bytes.length + " bytes");
        }
        int bodyLength = bytes.length - DIGEST_BYTES;
        byte[] expected = Arrays.copyOfRange(bytes, bodyLength, bytes.length);
        byte[] body = Arrays.copyOf(bytes, bodyLength);
        CheckpointReader reader = new CheckpointReader(source, body);
        String foundMagic;
        try {
            foundMagic = reader.readString();
        } catch (CheckpointFormatException e) {
            foundMagic = "";
        }
        if (!foundMagic.equals(magic)) {
            throw new CheckpointFormatException(source + " is not a " + magic + " file (truncated, or another format)");
        }
        if (!Arrays.equals(expected, CheckpointWriter.sha256(body))) {
            throw new CheckpointFormatException(source + " is truncated or corrupt: its SHA-256 checksum does not match");
        }
        int foundVersion = reader.readInt();
        if (foundVersion != version) {
            throw new CheckpointFormatException(source + " has format version " + foundVersion + ", this build reads version " + version);
        }
        return reader;
    }

    public String source() {
        return source;
    }

    public String readString() {
        int length = readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new CheckpointFormatException(source + ": implausible string length " + length);
        }
        byte[] bytes = new byte[length];
        io(() -> in.readFully(bytes));
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public int readInt() {
        int[] value = new int[1];
        io(() -> value[0] = in.readInt());
        return value[0];
    }

    public long readLong() {
        long[] value = new long[1];
        io(() -> value[0] = in.readLong());
        return value[0];
    }

    public double readDouble() {
        double[] value = new double[1];
        io(() -> value[0] = in.readDouble());
        return value[0];
    }

    /** Reads a tensor that must be called {@code expectedName} and have {@code expectedShape}. */
    public float[] readTensor(String expectedName, long... expectedShape) {
        String name = readString();
        if (!name.equals(expectedName)) {
            throw new CheckpointFormatException(source + ": expected tensor " + expectedName + ", found " + name);
        }
        int dimensions = readInt();
        long[] shape = new long[Math.max(0, Math.min(dimensions, 8))];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = readLong();
        }
        if (dimensions != shape.length || !Arrays.equals(shape, expectedShape)) {
            throw new CheckpointFormatException(source + ": tensor " + name + " has shape " + Arrays.toString(shape)
                    + ", this model needs " + Arrays.toString(expectedShape));
        }
        long size = 1;
        for (long dimension : shape) {
            size *= dimension;
        }
        float[] values = new float[Math.toIntExact(size)];
        io(() -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readFloat();
            }
        });
        return values;
    }

    /** Fails unless every byte before the checksum was read: a file with extra content is not ours. */
    public void expectEnd() {
        int left;
        try {
            left = in.available();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (left != 0) {
            throw new CheckpointFormatException(source + " has " + left + " unexpected trailing bytes");
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void io(IoAction action) {
        try {
            action.run();
        } catch (EOFException e) {
            throw new CheckpointFormatException(source + " is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
