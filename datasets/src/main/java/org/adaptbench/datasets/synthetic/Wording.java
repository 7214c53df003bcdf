package org.adaptbench.datasets.synthetic;

import org.adaptbench.datasets.model.WireName;

/**
 * Which half of the world's wording a text comes from. The two halves share no sentence frame,
 * option phrase, feedback line, question or answer text, so whatever is built or tuned on
 * pre-training wording is measured on wording it has never seen.
 */
public enum Wording implements WireName {
    /** Texts reserved for pre-training the base model and for tuning anything else. */
    PRETRAINING,
    /** Texts of the evaluation world: its histories and its queries. */
    EVALUATION
}
