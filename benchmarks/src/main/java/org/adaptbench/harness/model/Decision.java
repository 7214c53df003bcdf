package org.adaptbench.harness.model;

/**
 * A model's answer: the chosen option (-1 when the model's reply named none) and its probabilities.
 *
 * @param chosen index of the chosen option, or -1
 * @param probabilities one per option; one-hot for models that only name a letter
 */
public record Decision(int chosen, double[] probabilities) {

    public Decision {
        probabilities = probabilities.clone();
        if (chosen < -1 || chosen >= probabilities.length) {
            throw new IllegalArgumentException("chosen " + chosen + " out of range for " + probabilities.length + " options");
        }
    }

    /** The arg-max of {@code probabilities}, lowest index on ties, so choices are deterministic. */
    public static Decision argMax(double[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Decision(best, probabilities);
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Decision that && chosen == that.chosen && java.util.Arrays.equals(probabilities, that.probabilities);
    }

    @Override
    public int hashCode() {
        return 31 * chosen + java.util.Arrays.hashCode(probabilities);
    }

    @Override
    public String toString() {
        return "Decision[chosen=" + chosen + ", probabilities=" + java.util.Arrays.toString(probabilities) + "]";
    }
}
