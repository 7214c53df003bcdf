package org.adaptbench.finetune.unlearn;

/** Ways to revert the effect of a deleted preference on an adapter. */
public enum UnlearningMethod {
    /** Stop serving the adapter: exact, but removes all of that adapter's personalization. */
    DETACH,
    /** Train the adapter again from scratch without the deleted examples: exact reference behaviour, full training cost. */
    RETRAIN,
    /** Gradient ascent on the deleted examples (optionally holding a retain set): cheap, approximate. */
    GRADIENT_ASCENT
}
