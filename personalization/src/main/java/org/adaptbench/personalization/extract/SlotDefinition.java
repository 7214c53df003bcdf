package org.adaptbench.personalization.extract;

import java.util.List;
import java.util.Objects;

/**
 * A kind of preference a user holds one value of at a time ("seat": aisle or window).
 *
 * @param name stable name, stored with each memory
 * @param description what the slot is about, in a few words
 * @param examples phrasings of preferences in this slot, for any of its values
 */
public record SlotDefinition(String name, String description, List<String> examples) {

    public SlotDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        examples = List.copyOf(examples);
        if (name.isBlank()) {
            throw new IllegalArgumentException("slot name is blank");
        }
        if (description.isBlank() && examples.isEmpty()) {
            throw new IllegalArgumentException("slot " + name + " needs a description or examples");
        }
    }

    /** The description followed by the examples: the texts a statement is compared with. */
    public List<String> prototypes() {
        List<String> texts = new java.util.ArrayList<>();
        if (!description.isBlank()) {
            texts.add(description);
        }
        texts.addAll(examples);
        return texts;
    }
}
