package org.adaptbench.personalization.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Argument checks shared by every store backend, so that all reject bad input the same way. */
public final class StoreInputs {

    /** Largest memory text accepted, in UTF-8 bytes (1 MiB). */
    public static final int MAX_TEXT_BYTES = 1 << 20;

    private StoreInputs() {
    }

    /** Returns {@code userId} or throws if it is null or blank. */
    public static String userId(String userId) {
        if (userId == null) {
            throw new IllegalArgumentException("userId is null");
        }
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId is blank");
        }
        return userId;
    }

    /** Returns {@code text} or throws if it is null, blank or longer than {@link #MAX_TEXT_BYTES}. */
    public static String text(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(what + " is empty or blank");
        }
        // cheap bound first: a UTF-8 char takes at most 3 bytes per UTF-16 unit
        if ((long) text.length() * 3 > MAX_TEXT_BYTES) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_TEXT_BYTES) {
                throw new IllegalArgumentException(String.format(Locale.US,
                        "%s is %d bytes in UTF-8, the limit is %d", what, bytes, MAX_TEXT_BYTES));
            }
        }
        return text;
    }

    /** Returns {@code memory} or throws unless it is an episode (the target of a link). */
    public static Memory episode(Memory memory) {
        if (memory.kind() != MemoryKind.EPISODE) {
            throw new IllegalArgumentException("memory " + memory.id() + " is " + memory.kind() + ", not an episode; only episodes are linked");
        }
        return memory;
    }

    /** Returns {@code k} or throws unless it is positive. */
    public static int k(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, was " + k);
        }
        return k;
    }

    /** Throws unless {@code ks} pairs one positive k with each non-null filter of {@code filters}. */
    public static void searches(List<Integer> ks, List<MemoryFilter> filters) {
        if (ks.size() != filters.size()) {
            throw new IllegalArgumentException(ks.size() + " values of k for " + filters.size() + " filters");
        }
        ks.forEach(StoreInputs::k);
        filters.forEach(filter -> Objects.requireNonNull(filter, "filter"));
    }
}
