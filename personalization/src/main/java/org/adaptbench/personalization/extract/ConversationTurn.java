package org.adaptbench.personalization.extract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One turn of a conversation, as the memory layer sees it.
 *
 * <p>A turn may record a pick: the assistant offered {@code options} (the question being
 * {@code text}) and the user chose the one at {@code chosenIndex}. Such a turn is an implicit
 * preference signal even when nothing is said.
 *
 * @param role who spoke (a pick is the user's)
 * @param text what was said, or the question the options answered
 * @param options options offered, empty for an ordinary turn
 * @param chosenIndex index into {@code options} of the user's pick, empty when nothing was picked
 * @param timestamp when the turn happened
 */
public record ConversationTurn(Role role, String text, List<String> options, OptionalInt chosenIndex, Instant timestamp) {

    public ConversationTurn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        options = List.copyOf(options);
        Objects.requireNonNull(chosenIndex, "chosenIndex");
        Objects.requireNonNull(timestamp, "timestamp");
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).isBlank()) {
                throw new IllegalArgumentException("option " + i + " is blank");
            }
        }
        if (chosenIndex.isPresent()) {
            int chosen = chosenIndex.getAsInt();
            if (options.size() < 2) {
                throw new IllegalArgumentException("a pick needs at least two options, got " + options.size());
            }
            if (chosen < 0 || chosen >= options.size()) {
                throw new IllegalArgumentException("chosenIndex " + chosen + " is outside 0.." + (options.size() - 1));
            }
            if (role != Role.USER) {
                throw new IllegalArgumentException("only the user picks an option, this turn's role is " + role);
            }
        } else if (text.isBlank()) {
            throw new IllegalArgumentException("turn text is blank and the turn records no pick");
        }
    }

    /** Something the user said. */
    public static ConversationTurn user(String text, Instant at) {
        return new ConversationTurn(Role.USER, text, List.of(), OptionalInt.empty(), at);
    }

    /** Something the assistant said. */
    public static ConversationTurn assistant(String text, Instant at) {
        return new ConversationTurn(Role.ASSISTANT, text, List.of(), OptionalInt.empty(), at);
    }

    /** The user picked {@code options[chosenIndex]} when asked {@code question}. */
    public static ConversationTurn pick(String question, List<String> options, int chosenIndex, Instant at) {
        return new ConversationTurn(Role.USER, question, options, OptionalInt.of(chosenIndex), at);
    }

    /** The picked option, when this turn records a pick. */
    public Optional<String> chosenOption() {
        return chosenIndex.isPresent() ? Optional.of(options.get(chosenIndex.getAsInt())) : Optional.empty();
    }
}
