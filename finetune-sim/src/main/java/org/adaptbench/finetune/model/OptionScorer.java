package org.adaptbench.finetune.model;

import java.util.List;

/** Something that scores the options of prompts: the trained base model, an adapted view of it, or a baseline. */
public interface OptionScorer {

    /** One {@link OptionScores} per prompt, in order. */
    List<OptionScores> score(List<Prompt> prompts);
}
