package org.adaptbench.jmh.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.ScoringRequest;
import org.adaptbench.finetune.adapter.UnmergeMode;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.finetune.model.ScoringModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 32 requests, each for a different user's adapter (rank 8 on the MLP layers, as per-user adapters
 * are trained): one mixed-adapter batch (S-LoRA/Punica gather) against naive serving that switches
 * adapter request by request, and against switching by merging and unmerging the adapter per
 * request. Scores are requests per second (target: mixed ≥ 4× request-by-request).
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*"
 * org.openjdk.jmh.Main 'jmh.finetune.MixedAdapterBenchmark' -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MixedAdapterBenchmark {

    private static final int REQUESTS = 32;

    private ScoringModel model;
    private AdapterRegistry registry;
    private List<ScoringRequest> requests;

    @Setup(Level.Trial)
    public void setUp() {
        model = BenchmarkFixtures.model();
        registry = new AdapterRegistry(model);
        requests = BenchmarkFixtures.perUserRequests(registry, REQUESTS);
        registry.score(requests);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        registry.close();
        model.close();
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public List<OptionScores> mixedBatch() {
        return registry.score(requests);
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public List<OptionScores> requestByRequest() {
        return registry.scoreOneByOne(requests);
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public List<OptionScores> mergeSwitching() {
        List<OptionScores> scores = new ArrayList<>(REQUESTS);
        for (ScoringRequest request : requests) {
            registry.merge(request.adapter().orElseThrow());
            scores.add(model.score(List.of(request.prompt())).get(0));
            registry.unmerge(UnmergeMode.RESTORE);
        }
        return scores;
    }
}
