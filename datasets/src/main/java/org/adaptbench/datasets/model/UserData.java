package org.adaptbench.datasets.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One user: the history in time order, the queries asked along it, and ground-truth attributes.
 *
 * @param userId unique within the data set
 * @param history turns in time order
 * @param queries queries in time order ({@link Query#visibleTurns()} never decreases)
 * @param attributes ground truth for grouping and reporting (for example the initial preference
 *     per dimension, or the PrefEval topic and preference form); sorted for stable output
 */
public record UserData(String userId, List<Turn> history, List<Query> queries, Map<String, String> attributes) {

    public UserData {
        Objects.requireNonNull(userId, "userId");
        history = List.copyOf(history);
        queries = List.copyOf(queries);
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        for (Query query : queries) {
            if (query.visibleTurns() > history.size()) {
                throw new IllegalArgumentException("query " + query.queryId() + " sees " + query.visibleTurns()
                        + " turns but user " + userId + " has " + history.size());
            }
        }
    }

    /** The turns an approach may learn from before answering {@code query}. */
    public List<Turn> historyBefore(Query query) {
        return history.subList(0, query.visibleTurns());
    }
}
