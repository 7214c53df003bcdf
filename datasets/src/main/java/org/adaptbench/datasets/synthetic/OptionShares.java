package org.adaptbench.datasets.synthetic;

import java.util.SplittableRandom;
import org.adaptbench.datasets.seed.Seeds;

/** Draws options in proportion to a {@link Popularity}'s shares, for initial preferences and for changes. */
final class OptionShares {

    private final double[] shares;
    private final double[] cumulative;

    OptionShares(Popularity popularity, int options) {
        this(popularity.shares(options));
    }

    /** Shares by option index, in any order (the most popular option need not come first). */
    OptionShares(double[] byOption) {
        shares = byOption.clone();
        int options = shares.length;
        cumulative = new double[options];
        double running = 0;
        for (int r = 0; r < options; r++) {
            running += shares[r];
            cumulative[r] = running;
        }
        cumulative[options - 1] = 1.0;
    }

    /**
     * Each dimension's shares: the popularity's, the most popular option first, or, when the world
     * draws its leaders, in an order drawn from the seed per dimension.
     */
    static OptionShares[] perDimension(SyntheticConfig config) {
        double[] ranked = config.popularity().shares(WorldText.OPTIONS_PER_DIMENSION);
        OptionShares[] perDimension = new OptionShares[config.dimensions()];
        for (int d = 0; d < perDimension.length; d++) {
            if (!config.drawnLeaders()) {
                perDimension[d] = new OptionShares(ranked);
                continue;
            }
            int[] order = Seeds.permutation(ranked.length, Seeds.random(config.seed(), "popularity-order/" + d, 0));
            double[] byOption = new double[ranked.length];
            for (int rank = 0; rank < ranked.length; rank++) {
                byOption[order[rank]] = ranked[rank];
            }
            perDimension[d] = new OptionShares(byOption);
        }
        return perDimension;
    }

    /** The most popular option (the lowest index among equals). */
    int leader() {
        int best = 0;
        for (int option = 1; option < shares.length; option++) {
            if (shares[option] > shares[best]) {
                best = option;
            }
        }
        return best;
    }

    /** The expected share of users holding the option at index {@code option}. */
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
