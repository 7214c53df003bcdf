package org.adaptbench.harness.model;

import java.util.List;
import org.adaptbench.finetune.model.OptionScorer;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.personalization.embed.Embedder;

/**
 * The embedded default: texts become MiniLM vectors and a DJL scorer (the base model, or the base
 * model with an adapter) scores the options. Nothing leaves the machine.
 */
public final class EmbeddedAnswerModel implements AnswerModel {

    private final OptionScorer scorer;
    private final Embedder embedder;

    public EmbeddedAnswerModel(OptionScorer scorer, Embedder embedder) {
        this.scorer = scorer;
        this.embedder = embedder;
    }

    @Override
    public Decision decide(Prompt prompt) {
        OptionScores scores = scorer.score(List.of(vectors(prompt, embedder))).get(0);
        return new Decision(scores.choice(), scores.probabilities());
    }

    /** The finetune-sim prompt for {@code prompt}: question, each context item and each option embedded. */
    public static org.adaptbench.finetune.model.Prompt vectors(Prompt prompt, Embedder embedder) {
        return new org.adaptbench.finetune.model.Prompt(embedder.embed(prompt.question()),
                embedder.embedAll(prompt.contextItems()), embedder.embedAll(prompt.options()));
    }
}
