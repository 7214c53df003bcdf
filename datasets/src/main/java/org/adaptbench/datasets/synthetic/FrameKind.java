package org.adaptbench.datasets.synthetic;

import java.util.Set;
import org.adaptbench.datasets.model.WireName;

/** The kinds of sentence frame a history's preference turns are built from, with the slots each may hold. */
enum FrameKind implements WireName {
    /** A first statement of a preference. */
    STATEMENT("{phrase}", Set.of("{phrase}", "{topic}")),
    /** A statement contradicting an earlier one. */
    CHANGE("{phrase}", Set.of("{phrase}", "{topic}")),
    /** A request to forget a preference. */
    DELETION("{phrase}", Set.of("{phrase}", "{topic}")),
    /** A reaction to an answer that reveals what the user wanted instead. */
    FEEDBACK("{phrase}", Set.of("{phrase}", "{topic}")),
    /** The user's pick among offered answers, quoting the picked answer. */
    CHOICE("{choice}", Set.of("{choice}"));

    private final String requiredSlot;
    private final Set<String> allowedSlots;

    FrameKind(String requiredSlot, Set<String> allowedSlots) {
        this.requiredSlot = requiredSlot;
        this.allowedSlots = allowedSlots;
    }

    /** The slot every frame of this kind must hold. */
    String requiredSlot() {
        return requiredSlot;
    }

    /** Every slot a frame of this kind may hold. */
    Set<String> allowedSlots() {
        return allowedSlots;
    }

}
