package org.adaptbench.personalization.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Restricts a search to memories matching every given condition.
 *
 * @param slot only this slot, when present
 * @param kinds only these kinds (all kinds when it holds all of them)
 * @param minConfidence only memories at least this confident
 */
public record MemoryFilter(Optional<String> slot, Set<MemoryKind> kinds, double minConfidence) {

    /** Matches every memory. */
    public static final MemoryFilter NONE = new MemoryFilter(Optional.empty(), EnumSet.allOf(MemoryKind.class), 0.0);

    /** Preferences only: every kind but {@link MemoryKind#EPISODE}. */
    public static final MemoryFilter PREFERENCES = NONE.withKinds(MemoryKind.PREFERENCES);

    /** Episodes only. */
    public static final MemoryFilter EPISODES = NONE.withKinds(Set.of(MemoryKind.EPISODE));

    public MemoryFilter {
        Objects.requireNonNull(slot, "slot");
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        if (!(minConfidence >= 0.0 && minConfidence <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.US, "minConfidence must be in [0, 1], was %s", minConfidence));
        }
    }

    /** Only memories of {@code slot}. */
    public static MemoryFilter slot(String slot) {
        return NONE.withSlot(slot);
    }

    public MemoryFilter withSlot(String value) {
        return new MemoryFilter(Optional.of(value), kinds, minConfidence);
    }

    public MemoryFilter withKinds(Set<MemoryKind> value) {
        return new MemoryFilter(slot, value, minConfidence);
    }

    public MemoryFilter withMinConfidence(double value) {
        return new MemoryFilter(slot, kinds, value);
    }

    /** True when this filter lets every memory through, so a search may skip testing it. */
    public boolean matchesAll() {
        return slot.isEmpty() && kinds.size() == MemoryKind.values().length && minConfidence == 0.0;
    }

    public boolean test(Memory memory) {
        return test(memory.kind(), memory.slot(), memory.confidence());
    }

    /** True when a memory of this kind, slot and confidence passes; a store tests its rows' columns with it. */
    public boolean test(MemoryKind kind, String slot, double confidence) {
        return (this.slot.isEmpty() || this.slot.get().equals(slot))
                && kinds.contains(kind)
                && confidence >= minConfidence;
    }
}
