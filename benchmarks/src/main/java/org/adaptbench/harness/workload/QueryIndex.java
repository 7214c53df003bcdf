package org.adaptbench.harness.workload;

import java.util.HashMap;
import java.util.Map;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;

/**
 * Facts about a workload's queries that metrics need: each query by id, its preference group, and
 * whether its right answer is a minority answer (not the option most users asked the same question need).
 */
public final class QueryIndex {

    private final Map<String, Query> byId = new HashMap<>();
    private final Map<String, Integer> majorityOption = new HashMap<>();

    public QueryIndex(Workload workload) {
        Map<String, Map<Integer, Integer>> answers = new HashMap<>();
        for (UserData user : workload.dataset().users()) {
            for (Query query : user.queries()) {
                byId.put(query.queryId(), query);
                if (query.isMultipleChoice()) {
                    answers.computeIfAbsent(questionKey(query), k -> new HashMap<>()).merge(query.correctIndex(), 1, Integer::sum);
                }
            }
        }
        answers.forEach((key, counts) -> majorityOption.put(key, counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .findFirst().orElseThrow().getKey()));
    }

    public Query query(String queryId) {
        Query query = byId.get(queryId);
        if (query == null) {
            throw new IllegalArgumentException("unknown query " + queryId);
        }
        return query;
    }

    /**
     * The item {@code queryId} asks: its question with its set of options, whatever their order. Users
     * asked the same item are asked the same thing; items are what an interval over items resamples.
     */
    public String item(String queryId) {
        Query query = query(queryId);
        return query.question() + "\u0000" + String.join("\u0000", new java.util.TreeSet<>(query.options()));
    }

    public String group(String queryId) {
        return query(queryId).group();
    }

    /**
     * True when the query's right answer is not the answer most users asked the same question need;
     * only defined where the data set records a majority rate (the synthetic world).
     */
    public boolean minority(String queryId) {
        Query query = query(queryId);
        return Double.isFinite(query.majorityRate()) && majorityOption.get(questionKey(query)) != query.correctIndex();
    }

    /**
     * The index, in this query's option order, of the answer most users asked the same question need
     * (the lowest index on ties): what an answerer that learned the population's majority answers picks.
     */
    public int majorityOption(String queryId) {
        return majorityOption.getOrDefault(questionKey(query(queryId)), -1);
    }

    private static String questionKey(Query query) {
        return query.question() + "\u0000" + String.join("\u0000", query.options());
    }
}
