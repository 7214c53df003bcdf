package org.adaptbench.finetune.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The untrained control: an option scores its cosine similarity to the question plus its best
 * cosine similarity to any context vector. The trained base model has to beat this to earn its
 * place in the comparison.
 */
public final class CosineBaselineScorer implements OptionScorer {

    /** Scale applied to the summed cosines so that the softmax is not flat (cosines live in [-2, 2]). */
    private final double temperature;

    public CosineBaselineScorer(double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        this.temperature = temperature;
    }

    public CosineBaselineScorer() {
        this(0.1);
    }

    @Override
    public List<OptionScores> score(List<Prompt> prompts) {
        List<OptionScores> scores = new ArrayList<>(prompts.size());
        for (Prompt prompt : prompts) {
            List<float[]> options = prompt.optionsView();
            double[] logits = new double[options.size()];
            for (int i = 0; i < logits.length; i++) {
                float[] option = options.get(i);
                double best = 0;
                boolean any = false;
                for (float[] memory : prompt.contextView()) {
                    double similarity = Vectors.cosine(option, memory);
                    best = any ? Math.max(best, similarity) : similarity;
                    any = true;
                }
                logits[i] = (Vectors.cosine(option, prompt.questionView()) + best) / temperature;
            }
            scores.add(new OptionScores(logits));
        }
        return scores;
    }
}
