package org.adaptbench.datasets.synthetic;

import org.adaptbench.datasets.model.WireName;

/**
 * What a generated world is for, which fixes its wording and its question pools. Evaluation worlds
 * use the evaluation wording; the domain and validation worlds use the pre-training wording with
 * question pools of their own, so nothing trained or tuned on them has seen an evaluated item or
 * the evaluation wording. (The base model's corpus, {@link PretrainingCorpus}, has a pool of its own too.)
 */
public enum WorldRole implements WireName {
    /** The world every approach is graded on: evaluation wording, history-choice and query pools. */
    EVALUATION(Wording.EVALUATION, ItemPool.HISTORY, ItemPool.QUERY),
    /** The world whose users train the shared domain adapter; never evaluated. */
    DOMAIN(Wording.PRETRAINING, ItemPool.DOMAIN_HISTORY, ItemPool.DOMAIN_QUERY),
    /** A tuning world with its own users, on which every approach's knobs are tuned. */
    VALIDATION(Wording.PRETRAINING, ItemPool.VALIDATION_HISTORY, ItemPool.VALIDATION_QUERY);

    private final Wording wording;
    private final ItemPool choices;
    private final ItemPool queries;

    WorldRole(Wording wording, ItemPool choices, ItemPool queries) {
        this.wording = wording;
        this.choices = choices;
        this.queries = queries;
    }

    /** The wording of the world's histories. */
    public Wording wording() {
        return wording;
    }


    /** The pool of the choices offered inside the world's histories. */
    ItemPool choices() {
        return choices;
    }

    /** The pool of the world's queries; never the choices' pool, so no query repeats a choice seen in a history. */
    ItemPool queries() {
        return queries;
    }
}
