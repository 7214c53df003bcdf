package org.adaptbench.harness.model;

/** A model that answers a multiple-choice prompt: the embedded base model, an adapter on it, or a remote LLM. */
public interface AnswerModel {

    /** Chooses among the prompt's options. */
    Decision decide(Prompt prompt);
}
