package org.adaptbench.jmh.finetune;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.ScoringRequest;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;

/**
 * {@code MixedAdapterBenchmark}'s headline ratio measured so that load from other work cancels out:
 * the two servings alternate in short blocks in one JVM (10 mixed batches, then the same 32
 * requests 3 times one by one), and the ratio is taken per block. JMH runs the two benchmarks
 * minutes apart in separate forks, so on a shared machine each sees different load; here both halves
 * of a block see the same. Prints the median ratio with its quartiles and each serving's median time.
 * Each block is followed by a <em>ceiling</em> block, the same but with the batch scored by the base model
 * without any adapter: its ratio is what a mixed batch would reach if its adapters cost nothing, so the
 * two medians side by side say how much of the gap to a target is left to the adapter part at all.
 * {@link ServingRatioBenchmark} runs the same blocks inside the JMH suite.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*"
 * org.adaptbench.jmh.finetune.ServingRatio [blocks]} (default 200 blocks and as many ceiling blocks, about two minutes).
 */
public final class ServingRatio {

    static final int REQUESTS = 32;
    private static final int MIXED_PER_BLOCK = 10;
    private static final int SEQUENTIAL_PER_BLOCK = 3;

    private ServingRatio() {
    }

    /** One block's two timings: microseconds per mixed batch, and per 32 requests served one by one. */
    record Block(double mixedMicros, double sequentialMicros) {

        double ratio() {
            return sequentialMicros / mixedMicros;
        }
    }

    /** Runs one block: the mixed batches first, then the same requests one by one, back to back. */
    static Block block(AdapterRegistry registry, List<ScoringRequest> requests) {
        return block(() -> registry.score(requests), registry, requests);
    }

    /** The ceiling block: the same requests' prompts batched on the base model alone, then one by one with their adapters. */
    static Block ceilingBlock(AdapterRegistry registry, List<ScoringRequest> requests) {
        List<Prompt> prompts = requests.stream().map(ScoringRequest::prompt).toList();
        return block(() -> registry.score(prompts, Optional.empty()), registry, requests);
    }

    private static Block block(Runnable batch, AdapterRegistry registry, List<ScoringRequest> requests) {
        long start = System.nanoTime();
        for (int i = 0; i < MIXED_PER_BLOCK; i++) {
            batch.run();
        }
        long middle = System.nanoTime();
        for (int i = 0; i < SEQUENTIAL_PER_BLOCK; i++) {
            registry.scoreOneByOne(requests);
        }
        long end = System.nanoTime();
        return new Block((middle - start) / 1e3 / MIXED_PER_BLOCK, (end - middle) / 1e3 / SEQUENTIAL_PER_BLOCK);
    }

    /** Warm-up before measuring: JIT, the serving stack, the gather buffer. */
    static void warmUp(AdapterRegistry registry, List<ScoringRequest> requests) {
        for (int i = 0; i < 200; i++) {
            registry.score(requests);
            registry.scoreOneByOne(requests);
        }
    }

    public static void main(String[] args) {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        if (blocks < 4) {
            throw new IllegalArgumentException("need at least 4 blocks for quartiles, got " + blocks);
        }
        try (ScoringModel model = BenchmarkFixtures.model(); AdapterRegistry registry = new AdapterRegistry(model)) {
            List<ScoringRequest> requests = BenchmarkFixtures.perUserRequests(registry, REQUESTS);
            warmUp(registry, requests);
            double[] ratio = new double[blocks];
            double[] mixed = new double[blocks];
            double[] sequential = new double[blocks];
            double[] ceiling = new double[blocks];
            double[] baseBatch = new double[blocks];
            for (int b = 0; b < blocks; b++) {
                Block block = block(registry, requests);
                mixed[b] = block.mixedMicros();
                sequential[b] = block.sequentialMicros();
                ratio[b] = block.ratio();
                Block bound = ceilingBlock(registry, requests);
                baseBatch[b] = bound.mixedMicros();
                ceiling[b] = bound.ratio();
            }
            Arrays.sort(ratio);
            Arrays.sort(mixed);
            Arrays.sort(sequential);
            Arrays.sort(ceiling);
            Arrays.sort(baseBatch);
            System.out.printf(Locale.US, "%d requests over %d adapters, %d blocks%n", REQUESTS, REQUESTS, blocks);
            System.out.printf(Locale.US, "mixed batch: median %.0f us per batch (%.0f requests/s)%n", mixed[blocks / 2], REQUESTS * 1e6 / mixed[blocks / 2]);
            System.out.printf(Locale.US, "request by request: median %.0f us per 32 requests (%.0f requests/s)%n",
                    sequential[blocks / 2], REQUESTS * 1e6 / sequential[blocks / 2]);
            System.out.printf(Locale.US, "ratio per block: median %.2f, quartiles %.2f to %.2f%n", ratio[blocks / 2], ratio[blocks / 4], ratio[3 * blocks / 4]);
            System.out.printf(Locale.US, "ceiling (the batch on the base model alone, %.0f us): median %.2f, quartiles %.2f to %.2f%n",
                    baseBatch[blocks / 2], ceiling[blocks / 2], ceiling[blocks / 4], ceiling[3 * blocks / 4]);
        }
    }
}
