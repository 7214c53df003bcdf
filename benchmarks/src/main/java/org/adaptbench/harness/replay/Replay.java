package org.adaptbench.harness.replay;

import java.util.List;
import java.util.function.Predicate;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.DeletionRequest;
import org.adaptbench.harness.approach.Effort;
import org.adaptbench.harness.approach.Response;

/**
 * Plays one user's history into an approach in time order and asks each query where it belongs.
 *
 * <p>A query is answered after exactly {@link Query#visibleTurns()} turns have been delivered, so no
 * approach can learn from anything after it: the split by time holds by construction. Deletion
 * requests are delivered through {@link Approach#forget}, as an explicit request would be.
 */
public final class Replay {

    /** Receives what happens during a replay. */
    public interface Listener {

        /** A turn was delivered and took {@code effort}. */
        default void delivered(UserData user, int turnIndex, Turn turn, Effort effort) {
        }

        /** A query was answered. */
        void answered(UserData user, Query query, Response response);
    }

    private Replay() {
    }

    /**
     * Delivers the first {@code turnLimit} turns of {@code user}, answering the selected queries whose
     * visible history falls within them.
     */
    public static void run(Approach approach, UserData user, int turnLimit, Predicate<Query> selected, Listener listener) {
        List<Turn> history = user.history();
        int limit = Math.min(turnLimit, history.size());
        List<Query> queries = user.queries().stream().filter(selected).filter(Query::isMultipleChoice)
                .filter(query -> query.visibleTurns() <= limit).toList();
        int next = 0;
        for (int turnIndex = 0; turnIndex <= limit; turnIndex++) {
            while (next < queries.size() && queries.get(next).visibleTurns() == turnIndex) {
                Query query = queries.get(next++);
                listener.answered(user, query, approach.answer(user.userId(), query));
            }
            if (turnIndex == limit) {
                break;
            }
            Turn turn = history.get(turnIndex);
            listener.delivered(user, turnIndex, turn, deliver(approach, user.userId(), turn));
        }
        if (next != queries.size()) {
            throw new IllegalStateException("queries of user " + user.userId() + " are not in time order");
        }
    }

    /** Delivers every turn and answers every selected query. */
    public static void run(Approach approach, UserData user, Predicate<Query> selected, Listener listener) {
        run(approach, user, user.history().size(), selected, listener);
    }

    /** Delivers one turn: a deletion request through {@link Approach#forget}, anything else through {@link Approach#learn}. */
    public static Effort deliver(Approach approach, String userId, Turn turn) {
        if (turn.label().kind() == TurnKind.DELETION) {
            return approach.forget(userId, new DeletionRequest(turn.turnId(), turn.text(), turn.timestamp()));
        }
        return approach.learn(userId, turn);
    }
}
