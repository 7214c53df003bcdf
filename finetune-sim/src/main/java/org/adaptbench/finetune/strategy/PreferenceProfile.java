package org.adaptbench.finetune.strategy;

import java.util.Arrays;

/** How a user's preferences are described for clustering users into variants: a key, or a vector. */
public sealed interface PreferenceProfile permits PreferenceProfile.Key, PreferenceProfile.Vector {

    static PreferenceProfile key(String key) {
        return new Key(key);
    }

    static PreferenceProfile vector(double... values) {
        return new Vector(values);
    }

    /** @param key users with equal keys share a variant adapter */
    record Key(String key) implements PreferenceProfile {
        public Key {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("a preference key must not be empty");
            }
        }
    }

    /** @param values a point clustered with seeded k-means; every user's vector must have the same length */
    record Vector(double[] values) implements PreferenceProfile {
        public Vector {
            if (values == null || values.length == 0) {
                throw new IllegalArgumentException("a preference vector must not be empty");
            }
            values = values.clone();
            for (double value : values) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("a preference vector has a non-finite value " + value);
                }
            }
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Vector that && Arrays.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Vector" + Arrays.toString(values);
        }
    }
}
