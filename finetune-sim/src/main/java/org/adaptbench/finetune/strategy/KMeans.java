package org.adaptbench.finetune.strategy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded k-means (k-means++ seeding, then Lloyd iterations): the same points, k and seed give the same clusters. */
public final class KMeans {

    private static final int MAX_ITERATIONS = 100;

    private KMeans() {
    }

    /** Cluster index (0..k-1, in order of first appearance) of each point; k is capped at the number of points. */
    public static int[] cluster(List<double[]> points, int k, long seed) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to cluster");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        int dimension = points.get(0).length;
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).length != dimension) {
                throw new IllegalArgumentException("profile vector " + i + " has " + points.get(i).length + " values, the first has " + dimension);
            }
        }
        int clusters = Math.min(k, points.size());
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centres = new double[clusters][];
        centres[0] = points.get(random.nextInt(points.size())).clone();
        double[] distances = new double[points.size()];
        for (int c = 1; c < clusters; c++) {
            double total = 0;
            for (int i = 0; i < points.size(); i++) {
                distances[i] = nearest(points.get(i), centres, c)[1];
                total += distances[i];
            }
            int chosen = 0;
            if (total > 0) {
                double target = random.nextDouble() * total;
                double running = 0;
                for (chosen = 0; chosen < points.size() - 1; chosen++) {
                    running += distances[chosen];
                    if (running >= target) {
                        break;
                    }
                }
            }
            centres[c] = points.get(chosen).clone();
        }
        int[] assignment = new int[points.size()];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < points.size(); i++) {
                int best = (int) nearest(points.get(i), centres, clusters)[0];
                if (best != assignment[i]) {
                    assignment[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[clusters][dimension];
            int[] counts = new int[clusters];
            for (int i = 0; i < points.size(); i++) {
                counts[assignment[i]]++;
                for (int d = 0; d < dimension; d++) {
                    sums[assignment[i]][d] += points.get(i)[d];
                }
            }
            for (int c = 0; c < clusters; c++) {
                if (counts[c] > 0) {
                    for (int d = 0; d < dimension; d++) {
                        centres[c][d] = sums[c][d] / counts[c];
                    }
                }
            }
        }
        return renumber(assignment);
    }

    private static double[] nearest(double[] point, double[][] centres, int count) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            double distance = 0;
            for (int d = 0; d < point.length; d++) {
                double delta = point[d] - centres[c][d];
                distance += delta * delta;
            }
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return new double[] {best, bestDistance};
    }

    /** Relabels clusters by order of first appearance, so labels do not depend on seeding order. */
    private static int[] renumber(int[] assignment) {
        int[] mapping = new int[assignment.length + 1];
        Arrays.fill(mapping, -1);
        int next = 0;
        int[] result = new int[assignment.length];
        for (int i = 0; i < assignment.length; i++) {
            if (mapping[assignment[i]] < 0) {
                mapping[assignment[i]] = next++;
            }
            result[i] = mapping[assignment[i]];
        }
        return result;
    }
}
