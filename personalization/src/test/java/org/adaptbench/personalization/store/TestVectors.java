package org.adaptbench.personalization.store;

import java.util.Random;

/** Vectors for store tests: seeded random directions and basis vectors. */
public final class TestVectors {

    private TestVectors() {
    }

    public static float[] random(Random random, int dimension) {
        float[] vector = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextGaussian();
        }
        return vector;
    }

    public static float[] axis(int index, int dimension) {
        float[] vector = new float[dimension];
        vector[index] = 1f;
        return vector;
    }

    /** {@code base} plus a small seeded perturbation: similar, not identical. */
    public static float[] near(float[] base, double noise, Random random) {
        float[] vector = base.clone();
        for (int i = 0; i < vector.length; i++) {
            vector[i] += (float) (noise * random.nextGaussian());
        }
        return vector;
    }
}
