package org.adaptbench.jmh.memory;

import java.util.SplittableRandom;
import org.adaptbench.personalization.embed.Vectors;

/** Seeded random unit vectors: what the store benchmarks search, since embedding is not what they measure. */
final class RandomVectors {

    private RandomVectors() {
    }

    static float[][] unit(int count, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] vectors = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] v = new float[dimension];
            for (int j = 0; j < dimension; j++) {
                v[j] = (float) (random.nextDouble() * 2 - 1);
            }
            vectors[i] = Vectors.unitCopy(v, dimension, "random vector");
        }
        return vectors;
    }

    /** The user owning memory {@code index}: memories are dealt in blocks, user by user. */
    static String user(int index, int memoriesPerUser) {
        return "user-" + index / memoriesPerUser;
    }
}
