package org.adaptbench.datasets.model;

import java.util.List;
import java.util.Objects;

/**
 * A question put to the assistant on behalf of one user, at one point of that user's history.
 *
 * <p>A multiple-choice query has options and the index of the one that satisfies the user's
 * preference active at that time. A retrieval-only query (from imported data) has no options,
 * {@code correctIndex == -1}, and is scored by its gold evidence alone.
 *
 * @param queryId unique within the data set
 * @param question the question text
 * @param options the options, in presentation order (empty for retrieval-only queries)
 * @param correctIndex index into {@code options}, or -1 when there are none
 * @param visibleTurns how many turns of the history precede the query; approaches may learn
 *     from {@code history.subList(0, visibleTurns)} and nothing later
 * @param evidenceTurnIds turns that state the preference the query tests (may be empty)
 * @param dimension the preference dimension or topic the query tests ("" when unknown)
 * @param group the preference group of the correct answer, for worst-group accuracy ("" when unknown)
 * @param majorityRate share of users asked this same question whose answer is its most common
 *     correct option: the ceiling of any approach blind to the user (NaN when not defined)
 * @param answer the gold free-text answer, for question answering scored by token F1 ("" when none)
 * @param unanswerable true when the history does not answer the question (LoCoMo's adversarial
 *     questions): scored apart, never in an overall figure
 */
public record Query(
        String queryId,
        String question,
        List<String> options,
        int correctIndex,
        int visibleTurns,
        List<String> evidenceTurnIds,
        String dimension,
        String group,
        double majorityRate,
        String answer,
        boolean unanswerable) {

    public Query {
        Objects.requireNonNull(queryId, "queryId");
        Objects.requireNonNull(question, "question");
        options = List.copyOf(options);
        evidenceTurnIds = List.copyOf(evidenceTurnIds);
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(answer, "answer");
        if (options.isEmpty() ? correctIndex != -1 : correctIndex < 0 || correctIndex >= options.size()) {
            throw new IllegalArgumentException("correctIndex " + correctIndex + " out of range for " + options.size() + " options");
        }
        if (visibleTurns < 0) {
            throw new IllegalArgumentException("visibleTurns is negative");
        }
    }

    /** A query with no free-text answer and an answerable premise: what every loader but LoCoMo's makes. */
    public Query(String queryId, String question, List<String> options, int correctIndex, int visibleTurns,
            List<String> evidenceTurnIds, String dimension, String group, double majorityRate) {
        this(queryId, question, options, correctIndex, visibleTurns, evidenceTurnIds, dimension, group, majorityRate, "", false);
    }

    /** True when there is a gold free-text answer. */
    public boolean hasAnswer() {
        return !answer.isEmpty();
    }

    public boolean isMultipleChoice() {
        return !options.isEmpty();
    }
}
