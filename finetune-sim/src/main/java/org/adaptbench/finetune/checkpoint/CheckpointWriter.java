package org.adaptbench.finetune.checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Builds a binary checkpoint: a magic string and version, the fields written in order, then a
 * SHA-256 of everything before it, so that a reader detects truncation and corruption.
 * Written atomically: a reader never sees half a file.
 */
public final class CheckpointWriter {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(buffer);

    public CheckpointWriter(String magic, int version) {
        writeString(magic);
        writeInt(version);
    }

    public CheckpointWriter writeString(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes.length);
        return io(() -> out.write(bytes));
    }

    public CheckpointWriter writeInt(int value) {
        return io(() -> out.writeInt(value));
    }

    public CheckpointWriter writeLong(long value) {
        return io(() -> out.writeLong(value));
    }

    public CheckpointWriter writeDouble(double value) {
        return io(() -> out.writeDouble(value));
    }

    /** A named float tensor: name, shape, then the values row-major. */
    public CheckpointWriter writeTensor(String name, long[] shape, float[] values) {
        long size = 1;
        for (long dimension : shape) {
            size *= dimension;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("tensor " + name + " has " + values.length + " values for a shape of " + size);
        }
        writeString(name);
        writeInt(shape.length);
        for (long dimension : shape) {
            writeLong(dimension);
        }
        return io(() -> {
            for (float value : values) {
                out.writeFloat(value);
            }
        });
    }

    /** The whole file: fields followed by their SHA-256. */
    public byte[] toBytes() {
        io(out::flush);
        byte[] body = buffer.toByteArray();
        byte[] digest = sha256(body);
        byte[] file = new byte[body.length + digest.length];
        System.arraycopy(body, 0, file, 0, body.length);
        System.arraycopy(digest, 0, file, body.length, digest.length);
        return file;
    }

    /** Writes the file atomically (temporary sibling, then rename) and returns its size in bytes. */
    public long writeTo(Path target) {
        byte[] bytes = toBytes();
        Path absolute = target.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                Files.write(temp, bytes);
                try {
                    Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        return bytes.length;
    }

    static byte[] sha256(byte[] bytes) {
        return sha256(bytes, 0, bytes.length);
    }

    static byte[] sha256(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, offset, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private CheckpointWriter io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            // a ByteArrayOutputStream never throws; keep the checked exception out of every signature
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
