package org.adaptbench.jmh.finetune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.UnmergeMode;
import org.adaptbench.finetune.adapter.UnmergeReport;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.train.AdapterTrainer;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.TrainedAdapter;
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

/**
 * What an adapter's life costs: training one user's adapter on 100 examples (default config: rank 8,
 * alpha 16, 20 epochs of 16, no context), saving and loading its file, merging and unmerging it.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*"
 * org.openjdk.jmh.Main 'jmh.finetune.AdapterLifecycleBenchmark' -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdapterLifecycleBenchmark {

    private ScoringModel model;
    private AdapterRegistry registry;
    private List<LabelledExample> examples;
    private LoraAdapter adapter;
    private Path dir;
    private Path file;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        model = BenchmarkFixtures.model();
        registry = new AdapterRegistry(model);
        examples = BenchmarkFixtures.examples(100, 31);
        adapter = BenchmarkFixtures.adapter("user", LoraConfig.defaults(), model.identity(), 5);
        registry.register(adapter);
        dir = Files.createTempDirectory("adaptbench-jmh");
        file = dir.resolve("user.lora");
        registry.save("user", file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        registry.close();
        model.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One user's adapter, 100 examples, 140 steps. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public TrainedAdapter trainPerUserAdapter() {
        return AdapterTrainer.train(model, "trained", examples, AdapterTrainingConfig.defaults(3));
    }

    @Benchmark
    public long save() {
        return registry.save("user", file);
    }

    @Benchmark
    public LoraAdapter load() {
        String name = "loaded";
        if (registry.contains(name)) {
            registry.delete(name);
        }
        return registry.load(name, file);
    }

    @Benchmark
    public UnmergeReport mergeAndUnmerge() {
        registry.merge("user");
        return registry.unmerge(UnmergeMode.SUBTRACT);
    }
}
