package org.adaptbench.personalization.embed;

import java.util.Locale;

/** Checks and arithmetic on dense float vectors, shared by the store, the embedders and lifecycle code. */
public final class Vectors {

    private Vectors() {
    }

    /**
     * Returns a unit-length copy of {@code vector} after checking it.
     *
     * @param what names the argument in error messages ("query", "vector of memory 12")
     * @throws IllegalArgumentException if the vector is null, has the wrong dimension, holds NaN or
     *     infinity, or is all zeros (a zero vector has no direction to compare)
     */
    public static float[] unitCopy(float[] vector, int dimension, String what) {
        check(vector, dimension, what);
        double norm = Math.sqrt(squaredNorm(vector));
        if (norm == 0.0) {
            throw new IllegalArgumentException(what + " is a zero vector");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** Throws a clear {@link IllegalArgumentException} unless {@code vector} is a finite vector of {@code dimension}. */
    public static void check(float[] vector, int dimension, String what) {
        if (vector == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (vector.length != dimension) {
            throw new IllegalArgumentException(String.format(Locale.US,
                    "%s has dimension %d, expected %d", what, vector.length, dimension));
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException(String.format(Locale.US,
                        "%s holds %s at index %d", what, vector[i], i));
            }
        }
    }

    /** Dot product of two vectors of the same length. */
    public static double dot(float[] a, float[] b) {
        return dot(a, b, 0);
    }

    /**
     * Dot product of {@code query} with the row of {@code matrix} that starts at {@code offset}.
     *
     * <p>Four independent accumulators let the CPU overlap the multiply-adds; a single running sum
     * serialises on the add latency, which is most of a 384-d scan's cost.
     */
    public static float dot(float[] query, float[] matrix, int offset) {
        int n = query.length;
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += query[i] * matrix[offset + i];
            s1 += query[i + 1] * matrix[offset + i + 1];
            s2 += query[i + 2] * matrix[offset + i + 2];
            s3 += query[i + 3] * matrix[offset + i + 3];
        }
        for (; i < n; i++) {
            s0 += query[i] * matrix[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Cosine similarity; 0 when either vector is zero. */
    public static double cosine(float[] a, float[] b) {
        double denominator = Math.sqrt(squaredNorm(a) * squaredNorm(b));
        return denominator == 0.0 ? 0.0 : dot(a, b) / denominator;
    }

    private static double squaredNorm(float[] vector) {
        double sum = 0.0;
        for (float x : vector) {
            sum += (double) x * x;
        }
        return sum;
    }
}
