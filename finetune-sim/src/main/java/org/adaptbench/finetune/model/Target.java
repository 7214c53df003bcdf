package org.adaptbench.finetune.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a training example teaches: a hard label (the correct option) or a soft target (a
 * probability distribution over the options, e.g. a teacher's output in context distillation).
 * Both are trained with the same loss, cross-entropy to the target distribution.
 */
public sealed interface Target permits Target.Hard, Target.Soft {

    /** The target as a distribution over {@code options} options; fails if the sizes disagree. */
    double[] distribution(int options);

    /** The option the target favours most (the first one on ties). */
    int argmax();

    static Target hard(int correctIndex) {
        return new Hard(correctIndex);
    }

    static Target soft(double... probabilities) {
        return new Soft(probabilities);
    }

    /** @param correctIndex index of the correct option */
    record Hard(int correctIndex) implements Target {

        public Hard {
            if (correctIndex < 0) {
                throw new IllegalArgumentException("correct index is negative: " + correctIndex);
            }
        }

        @Override
        public double[] distribution(int options) {
            if (correctIndex >= options) {
                throw new IllegalArgumentException("correct index " + correctIndex + " out of range for " + options + " options");
            }
            double[] oneHot = new double[options];
            oneHot[correctIndex] = 1;
            return oneHot;
        }

        @Override
        public int argmax() {
            return correctIndex;
        }
    }

    /** @param probabilities non-negative, finite, summing to 1 within 1e-4 */
    record Soft(double[] probabilities) implements Target {

        public Soft {
            if (probabilities == null || probabilities.length < 2) {
                throw new IllegalArgumentException("a soft target needs at least 2 probabilities");
            }
            probabilities = probabilities.clone();
            double sum = 0;
            for (int i = 0; i < probabilities.length; i++) {
                double p = probabilities[i];
                if (!Double.isFinite(p) || p < 0) {
                    throw new IllegalArgumentException("soft target probability " + i + " is " + p);
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-4) {
                throw new IllegalArgumentException(String.format(Locale.US, "soft target sums to %.6f, not 1", sum));
            }
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }

        @Override
        public double[] distribution(int options) {
            if (probabilities.length != options) {
                throw new IllegalArgumentException("soft target has " + probabilities.length + " probabilities for " + options + " options");
            }
            return probabilities.clone();
        }

        @Override
        public int argmax() {
            int best = 0;
            for (int i = 1; i < probabilities.length; i++) {
                if (probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
            return best;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Soft that && Arrays.equals(probabilities, that.probabilities);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(probabilities);
        }

        @Override
        public String toString() {
            return "Soft" + Arrays.toString(probabilities);
        }
    }
}
