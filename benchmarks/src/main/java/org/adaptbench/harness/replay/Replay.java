package org.adaptbench.harness.replay;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.Effort;
import org.adaptbench.harness.approach.Response;

/**
 * Plays one user's history into an approach in time order and stops at each selected query where it
 * belongs: the one replay loop every scenario uses.
 *
 * <p>A query is reached after exactly {@link Query#visibleTurns()} turns have been delivered, so no
 * approach can learn from anything after it: the split by time holds by construction. Every turn
 * reaches every approach the same way, through {@link Approach#learn}: a request to forget is a turn
 * like any other, and each approach recognises it from what was said (with the extractor both sides
 * share), never from the data's labels, which exist for scoring only.
 *
 * <p>A replay answers the multiple-choice queries it reaches; a retrieval-only replay answers
 * nothing and hands each reached query (with or without options) to its listener, which probes
 * the approach itself, and stops once the last query is reached.
 */
public final class Replay {

    /** Receives what happens during a replay. */
    public interface Listener {

        /** A turn was delivered and took {@code effort}. */
        default void delivered(UserData user, int turnIndex, Turn turn, Effort effort) {
        }

        /** A query was answered (answering replays). */
        default void answered(UserData user, Query query, Response response) {
        }

        /** A query was reached (retrieval-only replays): the approach has seen exactly what the query may see. */
        default void reached(UserData user, Query query) {
        }
    }

    private final UserData user;
    private final int turnLimit;
    private final Predicate<Query> selected;
    private final Set<String> skipped;
    private final boolean retrievalOnly;

    private Replay(UserData user, int turnLimit, Predicate<Query> selected, Set<String> skipped, boolean retrievalOnly) {
        this.user = Objects.requireNonNull(user, "user");
        this.turnLimit = turnLimit;
        this.selected = Objects.requireNonNull(selected, "selected");
        this.skipped = Set.copyOf(skipped);
        this.retrievalOnly = retrievalOnly;
    }

    /** Every turn of {@code user}, answering every multiple-choice query. */
    public static Replay of(UserData user) {
        return new Replay(user, user.history().size(), query -> true, Set.of(), false);
    }

    /** Only the first {@code turns} turns, and the queries within them. */
    public Replay through(int turns) {
        return new Replay(user, Math.min(turns, user.history().size()), selected, skipped, retrievalOnly);
    }

    /** Only the queries {@code which} accepts (none: {@code query -> false}). */
    public Replay queries(Predicate<Query> which) {
        return new Replay(user, turnLimit, which, skipped, retrievalOnly);
    }

    /** Leaves out the turns with these ids, as if they had never been said. */
    public Replay skipping(Set<String> turnIds) {
        return new Replay(user, turnLimit, selected, turnIds, retrievalOnly);
    }

    /** Answers nothing: each selected query, multiple choice or not, is only reached. */
    public Replay retrievalOnly() {
        return new Replay(user, turnLimit, selected, skipped, true);
    }

    /** Plays the history into {@code approach}. */
    public void play(Approach approach, Listener listener) {
        List<Turn> history = user.history();
        List<Query> queries = user.queries().stream().filter(selected)
                .filter(query -> retrievalOnly || query.isMultipleChoice())
                .filter(query -> query.visibleTurns() <= turnLimit)
                // stable: queries asked at the same point keep the data set's order
                .sorted(java.util.Comparator.comparingInt(Query::visibleTurns)).toList();
        int next = 0;
        for (int turnIndex = 0; turnIndex <= turnLimit; turnIndex++) {
            while (next < queries.size() && queries.get(next).visibleTurns() == turnIndex) {
                Query query = queries.get(next++);
                if (retrievalOnly) {
                    listener.reached(user, query);
                } else {
                    listener.answered(user, query, approach.answer(user.userId(), query));
                }
            }
            if (turnIndex == turnLimit || (retrievalOnly && next == queries.size())) {
                break;
            }
            Turn turn = history.get(turnIndex);
            if (!skipped.contains(turn.turnId())) {
                listener.delivered(user, turnIndex, turn, deliver(approach, user.userId(), turn));
            }
        }
    }

    /** Delivers one turn, as a deployed system would receive it. */
    public static Effort deliver(Approach approach, String userId, Turn turn) {
        return approach.learn(userId, turn);
    }
}
