package org.adaptbench.datasets.synthetic;

import org.adaptbench.datasets.model.WireName;

/**
 * Which half of the world's wording a text comes from. The two halves share no sentence frame (nor
 * any three-word sequence of one), option phrase, topic or filler line, so whatever is built or tuned
 * on pre-training wording is measured on wording it has never seen. (Questions and answers are split
 * further, into the {@link WorldRole}s' own pools.)
 */
public enum Wording implements WireName {
    /** The base model's pre-training corpus and the domain and validation worlds. */
    PRETRAINING,
    /** The evaluation world: its histories and its queries. */
    EVALUATION
}
