package org.adaptbench.finetune.model;

import java.util.List;

/** Checks on the embedding vectors that enter the model, so bad input fails with a clear message. */
public final class Vectors {

    private Vectors() {
    }

    /** Returns a copy of {@code vector} after checking it is non-empty and finite. */
    public static float[] checkedCopy(float[] vector, String what) {
        if (vector == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (vector.length == 0) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new IllegalArgumentException(what + " has a non-finite value (" + vector[i] + ") at index " + i);
            }
        }
        return vector.clone();
    }

    /** Copies every vector of {@code vectors}, checking each and that all have {@code dimension} entries. */
    public static List<float[]> checkedCopies(List<float[]> vectors, int dimension, String what) {
        if (vectors == null) {
            throw new IllegalArgumentException(what + " list is missing");
        }
        float[][] copies = new float[vectors.size()][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = checkedCopy(vectors.get(i), what + "[" + i + "]");
            checkDimension(copies[i], dimension, what + "[" + i + "]");
        }
        return List.of(copies);
    }

    public static void checkDimension(float[] vector, int dimension, String what) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(what + " has dimension " + vector.length + ", expected " + dimension);
        }
    }

    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    public static double cosine(float[] a, float[] b) {
        double norms = Math.sqrt(dot(a, a) * dot(b, b));
        return norms == 0 ? 0 : dot(a, b) / norms;
    }
}
