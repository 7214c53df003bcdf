package org.adaptbench.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content hash of a data set: SHA-256 over a listing of its files' own SHA-256 digests.
 *
 * <p>The listing has one line {@code <sha256-hex>  <name>} per file in name order (the format of
 * {@code sha256sum}), so the hash can be recomputed by hand and is computed while streaming each file
 * once.
 */
public final class ContentHash {

    private final SortedMap<String, String> digests = new TreeMap<>();

    /** Records the digest of one file under its name (a path relative to the data set root). */
    public ContentHash add(String name, String sha256Hex) {
        if (digests.putIfAbsent(name, sha256Hex) != null) {
            throw new IllegalArgumentException("file listed twice: " + name);
        }
        return this;
    }

    public ContentHash addBytes(String name, byte[] bytes) {
        return add(name, sha256Hex(bytes));
    }

    /** The hex SHA-256 of the listing. */
    public String value() {
        StringBuilder listing = new StringBuilder();
        for (Map.Entry<String, String> entry : digests.entrySet()) {
            listing.append(entry.getValue()).append("  ").append(entry.getKey()).append('\n');
        }
        return sha256Hex(listing.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(newDigest().digest(bytes));
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Streams a file through SHA-256. */
    public static String ofFile(Path file) {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = InputFiles.open(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e);
        }
        return hex(digest);
    }
}
