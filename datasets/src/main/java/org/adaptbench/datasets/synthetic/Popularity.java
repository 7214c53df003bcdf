package org.adaptbench.datasets.synthetic;

import java.util.SplittableRandom;

/**
 * Zipf-like popularity over a dimension's options: the option of rank r (1 = most popular) has weight
 * {@code 1 / r^exponent}. Exponent 0 makes every option equally popular.
 */
final class Popularity {

    private final double[] shares;
    private final double[] cumulative;

    Popularity(int options, double exponent) {
        shares = new double[options];
        double total = 0;
        for (int r = 0; r < options; r++) {
            shares[r] = 1.0 / Math.pow(r + 1, exponent);
            total += shares[r];
        }
        cumulative = new double[options];
        double running = 0;
        for (int r = 0; r < options; r++) {
            shares[r] /= total;
            running += shares[r];
            cumulative[r] = running;
        }
        cumulative[options - 1] = 1.0;
    }

    /** The expected share of users holding the option at index {@code option} (rank option + 1). */
    double share(int option) {
        return shares[option];
    }

    int sample(SplittableRandom random) {
        double u = random.nextDouble();
        for (int r = 0; r < cumulative.length; r++) {
            if (u < cumulative[r]) {
                return r;
            }
        }
        return cumulative.length - 1;
    }

    /** Samples an option other than {@code excluded}, in proportion to popularity. */
    int sampleOther(SplittableRandom random, int excluded) {
        double u = random.nextDouble() * (1.0 - shares[excluded]);
        double running = 0;
        for (int r = 0; r < shares.length; r++) {
            if (r == excluded) {
                continue;
            }
            running += shares[r];
            if (u < running) {
                return r;
            }
        }
        return excluded == shares.length - 1 ? shares.length - 2 : shares.length - 1;
    }
}
