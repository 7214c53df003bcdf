package org.adaptbench.harness.approach;

import java.util.List;
import java.util.Objects;
import org.adaptbench.datasets.model.Query;

/** Role of an approach that stores memories and can say which history turns stand behind what it recalls. */
public interface EvidenceRecall {

    /** Its best {@code depth} memories for {@code query} (with or without options), best first, each with the turns behind it. */
    List<Recalled> recall(String userId, Query query, int depth);

    /**
     * One recalled memory.
     *
     * @param turnIds the history turns that created or reinforced it (credited when it is retrieved)
     * @param turnsSpanned how many dialogue turns it holds, what it spends of a top-k counted in turns:
     *     1 for a preference or a one-turn episode, more for a window or a session
     * @param text the memory as the model would be shown it
     */
    record Recalled(List<String> turnIds, int turnsSpanned, String text) {

        public Recalled {
            turnIds = List.copyOf(turnIds);
            Objects.requireNonNull(text, "text");
            if (turnsSpanned < 1) {
                throw new IllegalArgumentException("a memory spans at least one turn, was " + turnsSpanned);
            }
        }
    }
}
