package org.adaptbench.datasets.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One turn of a user's conversation history, in time order.
 *
 * @param turnId unique within the user; gold evidence refers to it
 * @param role who spoke
 * @param text what was said
 * @param timestamp milliseconds since the epoch (synthetic clocks start at a fixed date)
 * @param choice the options offered and the one picked, when the turn is such an interaction
 * @param label ground truth, {@link TurnLabel#UNKNOWN} when the data set has none
 */
public record Turn(String turnId, Role role, String text, long timestamp, Optional<Choice> choice, TurnLabel label) {

    public Turn {
        Objects.requireNonNull(turnId, "turnId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(label, "label");
        if (turnId.isBlank()) {
            throw new IllegalArgumentException("turnId is blank");
        }
    }

    public static Turn of(String turnId, Role role, String text, long timestamp, TurnLabel label) {
        return new Turn(turnId, role, text, timestamp, Optional.empty(), label);
    }
}
