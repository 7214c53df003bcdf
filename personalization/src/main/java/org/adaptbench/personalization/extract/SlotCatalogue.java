package org.adaptbench.personalization.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The preference slots an application cares about, supplied by the caller. An empty catalogue
 * means open slots: preferences are kept without a slot and conflicts are found by similarity.
 */
public record SlotCatalogue(List<SlotDefinition> slots) {

    public SlotCatalogue {
        slots = List.copyOf(slots);
        Set<String> names = new HashSet<>();
        for (SlotDefinition slot : slots) {
            if (!names.add(slot.name())) {
                throw new IllegalArgumentException("slot " + slot.name() + " is defined twice");
            }
        }
    }

    /** No slots: every preference is open. */
    public static SlotCatalogue open() {
        return new SlotCatalogue(List.of());
    }

    public boolean isOpen() {
        return slots.isEmpty();
    }

    /** The slot called {@code name}, ignoring case. */
    public Optional<SlotDefinition> find(String name) {
        return slots.stream().filter(s -> s.name().equalsIgnoreCase(name.strip())).findFirst();
    }
}
