package org.adaptbench.finetune.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The model's scores for the options of one prompt; the options compete through a softmax.
 *
 * @param logits one finite score per option, higher is better
 */
public record OptionScores(double[] logits) {

    public OptionScores {
        if (logits == null || logits.length == 0) {
            throw new IllegalArgumentException("no scores");
        }
        logits = logits.clone();
        for (double logit : logits) {
            if (!Double.isFinite(logit)) {
                throw new IllegalStateException("the model produced a non-finite score " + logit);
            }
        }
    }

    @Override
    public double[] logits() {
        return logits.clone();
    }

    /** Softmax of the scores. */
    public double[] probabilities() {
        double max = Arrays.stream(logits).max().orElseThrow();
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The chosen option: the highest score, the first one on ties. */
    public int choice() {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    public int size() {
        return logits.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OptionScores that && Arrays.equals(logits, that.logits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(logits);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("OptionScores[");
        for (int i = 0; i < logits.length; i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.US, "%.4f", logits[i]));
        }
        return text.append(']').toString();
    }
}
