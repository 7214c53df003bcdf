package org.adaptbench.finetune.train;

/** Whether training sees the examples' context or drops it. */
public enum ContextUse {
    /** Train with every context empty: the adapter must internalise the preference, as a fine-tuned LLM must. */
    EMPTY,
    /** Train with the context as given: pre-training, and the shared domain adapter used together with memory. */
    AS_GIVEN;

    public boolean dropsContext() {
        return this == EMPTY;
    }
}
