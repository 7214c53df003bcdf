package org.adaptbench.finetune.strategy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Adapter names derived from user ids and variant keys ({@code user-<id>}, {@code variant-<key>}), valid adapter
 * names and unique even for ids with other characters: those are replaced and a short hash of the id is appended.
 */
public final class AdapterNames {

    private AdapterNames() {
    }

    /** The name of the adapter trained for user {@code userId} alone. */
    public static String user(String userId) {
        return of("user-", userId);
    }

    /** The name of the adapter shared by the users of preference variant {@code key}. */
    public static String variant(String key) {
        return of("variant-", key);
    }

    private static String of(String prefix, String id) {
        if (id.matches("[A-Za-z0-9._:@-]{1,150}")) {
            return prefix + id;
        }
        String cleaned = id.replaceAll("[^A-Za-z0-9._:@-]", "_");
        cleaned = cleaned.substring(0, Math.min(cleaned.length(), 100));
        return prefix + cleaned + "-" + shortHash(id);
    }

    private static String shortHash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
