package org.adaptbench.finetune.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded mini-batch orders: the same items, size, epochs and seed give the same batches. */
public final class Batches {

    private Batches() {
    }

    /** {@code epochs} shuffled passes over {@code items}, cut into batches of at most {@code batchSize}. */
    public static <T> List<List<T>> shuffled(List<T> items, int batchSize, int epochs, long seed) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("no examples to train on");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<List<T>> batches = new ArrayList<>();
        int[] order = new int[items.size()];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int start = 0; start < order.length; start += batchSize) {
                List<T> batch = new ArrayList<>(batchSize);
                for (int i = start; i < Math.min(order.length, start + batchSize); i++) {
                    batch.add(items.get(order[i]));
                }
                batches.add(batch);
            }
        }
        return batches;
    }
}
