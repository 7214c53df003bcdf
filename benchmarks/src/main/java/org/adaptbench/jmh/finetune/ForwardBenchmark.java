package org.adaptbench.jmh.finetune;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.UnmergeMode;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward latency of the base model (384-d inputs, 4 options) at batch 1 and 32: the base alone,
 * the base with one unmerged rank-8 adapter on every LoRA-capable layer (target ≤ 1.3× base), and
 * the same adapter merged into the weights.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*"
 * org.openjdk.jmh.Main 'jmh.finetune.ForwardBenchmark' -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForwardBenchmark {

    /** How the adapter is applied. */
    public enum Variant { BASE, UNMERGED, MERGED }

    @Param({"1", "32"})
    public int batch;

    /** Context vectors per prompt: 0 as adapters are asked, 3 as memory injects them. */
    @Param({"0", "3"})
    public int context;

    @Param({"BASE", "UNMERGED", "MERGED"})
    public Variant variant;

    private ScoringModel model;
    private AdapterRegistry registry;
    private List<Prompt> prompts;
    private Optional<String> adapter;

    @Setup(Level.Trial)
    public void setUp() {
        model = BenchmarkFixtures.model();
        registry = new AdapterRegistry(model);
        registry.register(BenchmarkFixtures.adapter("user", LoraConfig.defaults(), model.identity(), 7));
        prompts = BenchmarkFixtures.prompts(batch, context, 11);
        adapter = variant == Variant.UNMERGED ? Optional.of("user") : Optional.empty();
        if (variant == Variant.MERGED) {
            registry.merge("user");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (registry.mergedAdapter().isPresent()) {
            registry.unmerge(UnmergeMode.RESTORE);
        }
        registry.close();
        model.close();
    }

    @Benchmark
    public List<OptionScores> forward() {
        return registry.score(prompts, adapter);
    }
}
