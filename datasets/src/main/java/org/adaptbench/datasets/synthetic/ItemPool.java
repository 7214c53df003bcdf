package org.adaptbench.datasets.synthetic;

import org.adaptbench.datasets.model.WireName;

/**
 * The question pools of the world. No question text and no answer text is in two pools, so whatever
 * is trained or tuned on one pool is measured on questions and answers it has never seen.
 */
enum ItemPool implements WireName {
    /** The base model's pre-training corpus. */
    PRETRAINING,
    /** Choices offered inside evaluation histories. */
    HISTORY,
    /** Evaluation queries: the items every approach is graded on. */
    QUERY,
    /** Choices offered inside the histories of the domain world (whose users train the shared domain adapter). */
    DOMAIN_HISTORY,
    /** The domain world's queries; their answers are the domain adapter's labels, so they are never evaluated. */
    DOMAIN_QUERY,
    /** Choices offered inside the histories of the validation world, on which approaches' knobs are tuned. */
    VALIDATION_HISTORY,
    /** The validation world's queries. */
    VALIDATION_QUERY;

}
