package org.adaptbench.jmh.finetune;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.ScoringRequest;
import org.adaptbench.finetune.model.ScoringModel;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * {@link ServingRatio}'s interleaved blocks inside the JMH suite, so that {@code adaptbench jmh}
 * reports the mixed-batch ratio in every profile: each invocation is one block (10 mixed batches,
 * then the same 32 requests 3 times one by one), and the secondary result {@code ratio} is the mean over
 * measured iterations of each iteration's median per-block ratio (target: at least 4). JMH adds an
 * events counter up over iterations, so each measured iteration reports its median divided by the
 * number of measured iterations (its raw value in the JSON is that share). The primary score is the
 * time per block.
 *
 * <p>Run: {@code java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main
 * 'jmh.finetune.ServingRatioBenchmark' -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ServingRatioBenchmark {

    private ScoringModel model;
    private AdapterRegistry registry;
    private List<ScoringRequest> requests;

    /** The iteration's per-block ratios; JMH reads {@link #ratio} when the iteration ends. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Ratios {

        /** This iteration's share of the mean: the median per-block ratio over the number of measured iterations. */
        public double ratio;
        private double[] blocks = new double[64];
        private int count;
        private double share = 1;

        @Setup(Level.Iteration)
        public void reset(BenchmarkParams benchmark, IterationParams iteration) {
            count = 0;
            ratio = 0;
            share = iteration.getType() == IterationType.MEASUREMENT ? 1.0 / benchmark.getMeasurement().getCount() : 1;
        }

        void add(double value) {
            if (count == blocks.length) {
                blocks = Arrays.copyOf(blocks, count * 2);
            }
            blocks[count++] = value;
            double[] sorted = Arrays.copyOf(blocks, count);
            Arrays.sort(sorted);
            ratio = sorted[count / 2] * share;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        model = BenchmarkFixtures.model();
        registry = new AdapterRegistry(model);
        requests = BenchmarkFixtures.perUserRequests(registry, ServingRatio.REQUESTS);
        ServingRatio.warmUp(registry, requests);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        registry.close();
        model.close();
    }

    @Benchmark
    public void interleaved(Ratios ratios) {
        ratios.add(ServingRatio.block(registry, requests).ratio());
    }
}
