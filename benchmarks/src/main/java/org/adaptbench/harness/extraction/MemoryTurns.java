package org.adaptbench.harness.extraction;

import java.time.Instant;
import org.adaptbench.datasets.model.Choice;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.personalization.extract.ConversationTurn;

/** The memory layer's view of a data set's turns. */
public final class MemoryTurns {

    private MemoryTurns() {
    }

    /**
     * What a deployed system sees of {@code turn}, never its ground-truth label: a pick among offered
     * options when the turn records one (the question and the options), else what was said, by whom.
     */
    public static ConversationTurn of(Turn turn) {
        Instant at = Instant.ofEpochMilli(turn.timestamp());
        if (turn.choice().isPresent()) {
            Choice choice = turn.choice().get();
            return ConversationTurn.pick(choice.question(), choice.options(), choice.chosenIndex(), at);
        }
        return turn.role() == Role.USER ? ConversationTurn.user(turn.text(), at) : ConversationTurn.assistant(turn.text(), at);
    }
}
