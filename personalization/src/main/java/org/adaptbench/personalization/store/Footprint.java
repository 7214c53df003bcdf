package org.adaptbench.personalization.store;

import java.nio.charset.StandardCharsets;

/**
 * The byte measure behind {@link MemoryStore#bytesStored}: content at its encoded size and fixed
 * fields at their binary width, with no allocator, page or index overhead.
 *
 * <ul>
 *   <li>memory: UTF-8 text + UTF-8 slot + 4 x dimension (vector) + 8 (id) + 1 (kind) + 8 (confidence)
 *       + 8 + 8 (created, updated) + 4 (use count) + 8 per kept use time + 8 (the context's id, when it has one);</li>
 *   <li>history event: 8 (sequence) + 8 (memory id) + 1 (type) + 8 (time) + 1 (redacted flag) +
 *       UTF-8 bytes of the texts it still holds;</li>
 *   <li>link between a memory and an episode: 8 + 8 (the two ids).</li>
 * </ul>
 * The user id is counted once per user, not per row.
 */
public final class Footprint {

    private static final int MEMORY_FIXED = 8 + 1 + 8 + 8 + 8 + 4;
    private static final int EVENT_FIXED = 8 + 8 + 1 + 8 + 1;

    private Footprint() {
    }

    public static long memory(Memory memory, int dimension) {
        return utf8(memory.text()) + utf8(memory.slot()) + 4L * dimension + MEMORY_FIXED + 8L * memory.recentUses().size()
                + (memory.context().isPresent() ? 8 : 0);
    }

    public static long event(HistoryEvent event) {
        return EVENT_FIXED + event.previousText().map(Footprint::utf8).orElse(0L) + event.newText().map(Footprint::utf8).orElse(0L);
    }

    /** Bytes of {@code links} memory-to-episode links. */
    public static long links(long links) {
        return 16L * links;
    }

    public static long userId(String userId) {
        return utf8(userId);
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
