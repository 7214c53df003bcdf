package org.adaptbench.datasets.synthetic;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a world's users spread over each dimension's options, which are listed most popular first:
 * a Zipf-like skew (the default: majority and minority users on every dimension) or a fixed share
 * of users agreeing on the most popular option (from a product-wide convention to no agreement).
 */
public sealed interface Popularity permits Popularity.Zipf, Popularity.Agreement {

    /** The expected share of users holding each of {@code options} options, most popular first; they sum to 1. */
    double[] shares(int options);

    /** The model's name in manifests ("zipf", "agreement"). */
    String kind();

    /** The model's parameters by their manifest names, in a fixed order. */
    SortedMap<String, Double> parameters();

    /** Zipf-like popularity with exponent 1, the world's default. */
    static Zipf zipf(double exponent) {
        return new Zipf(exponent);
    }

    /** {@code topShare} of users hold the most popular option; the rest spread evenly over the others. */
    static Agreement agreement(double topShare) {
        return new Agreement(topShare);
    }

    /** Every user holds the same option, as under a product-wide convention. */
    static Agreement convention() {
        return new Agreement(1.0);
    }

    /** Every option equally popular: no agreement at all (0.25 per option with four options). */
    static Agreement uniform() {
        return new Agreement(1.0 / WorldText.OPTIONS_PER_DIMENSION);
    }

    /**
     * The option of rank r (1 = most popular) has weight {@code 1 / r^exponent}; exponent 0 makes every
     * option equally popular.
     */
    record Zipf(double exponent) implements Popularity {

        public Zipf {
            if (!(exponent >= 0) || Double.isInfinite(exponent)) {
                throw new IllegalArgumentException("the Zipf exponent must be a finite number >= 0, got " + exponent);
            }
        }

        @Override
        public double[] shares(int options) {
            double[] shares = new double[options];
            double total = 0;
            for (int r = 0; r < options; r++) {
                shares[r] = 1.0 / Math.pow(r + 1, exponent);
                total += shares[r];
            }
            for (int r = 0; r < options; r++) {
                shares[r] /= total;
            }
            return shares;
        }

        @Override
        public String kind() {
            return "zipf";
        }

        @Override
        public SortedMap<String, Double> parameters() {
            return new TreeMap<>(Map.of("exponent", exponent));
        }
    }

    /**
     * A share {@code topShare} of users holds the most popular option and the rest are spread evenly
     * over the other options: 1.0 is a convention everyone follows, 1/options no agreement at all.
     */
    record Agreement(double topShare) implements Popularity {

        public Agreement {
            if (!(topShare > 0 && topShare <= 1)) {
                throw new IllegalArgumentException("the agreement's top share must lie in (0, 1], got " + topShare);
            }
        }

        /** Refuses a top share below 1/options: the first option would no longer be the most popular. */
        @Override
        public double[] shares(int options) {
            if (topShare < 1.0 / options - 1e-12) {
                throw new IllegalArgumentException("with " + options + " options the top share must be at least 1/" + options
                        + ", got " + topShare);
            }
            double[] shares = new double[options];
            shares[0] = topShare;
            for (int r = 1; r < options; r++) {
                shares[r] = (1 - topShare) / (options - 1);
            }
            return shares;
        }

        @Override
        public String kind() {
            return "agreement";
        }

        @Override
        public SortedMap<String, Double> parameters() {
            return new TreeMap<>(Map.of("top_share", topShare));
        }
    }
}
