package org.adaptbench.datasets.synthetic;

import java.util.SplittableRandom;

/** Draws options in proportion to a {@link Popularity}'s shares, for initial preferences and for changes. */
final class OptionShares {

    private final double[] shares;
    private final double[] cumulative;

    OptionShares(Popularity popularity, int options) {
        shares = popularity.shares(options);
        cumulative = new double[options];
        double running = 0;
        for (int r = 0; r < options; r++) {
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

    /**
     * Samples an option other than {@code excluded}, in proportion to popularity; when no other option
     * has any share (everyone follows one convention), a user who changes leaves it for any other
     * option with equal probability.
     */
    int sampleOther(SplittableRandom random, int excluded) {
        double rest = 1.0 - shares[excluded];
        if (rest <= 1e-12) {
            int other = random.nextInt(shares.length - 1);
            return other >= excluded ? other + 1 : other;
        }
        double u = random.nextDouble() * rest;
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
