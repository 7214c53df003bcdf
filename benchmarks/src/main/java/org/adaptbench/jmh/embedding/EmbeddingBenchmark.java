package org.adaptbench.jmh.embedding;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an embedding costs the memory layer: all-MiniLM-L6-v2 (the ONNX model bundled in
 * langchain4j's jar, run in process by ONNX Runtime) through {@link LangChain4jEmbedder}, for one
 * text, for a batch of 32 texts (µs per text: the batch is one model call, which langchain4j
 * spreads over the cores), and a {@link CachingEmbedder} hit, which is how a repeated text
 * (a question asked again, a slot description) is served.
 *
 * <p>The texts are the user turns of the synthetic world (one- or two-sentence statements,
 * 8 to 25 tokens), distinct and cycled, so no call sees the text of the previous one.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*"
 * org.openjdk.jmh.Main 'jmh.embedding.EmbeddingBenchmark' -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EmbeddingBenchmark {

    static final int BATCH = 32;
    private static final int TEXTS = 256;

    private LangChain4jEmbedder model;
    private CachingEmbedder cache;
    private String[] texts;
    private List<List<String>> batches;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        model = LangChain4jEmbedder.allMiniLmL6V2();
        texts = userTexts(TEXTS);
        batches = new java.util.ArrayList<>();
        for (int from = 0; from + BATCH <= texts.length; from += BATCH) {
            batches.add(List.of(texts).subList(from, from + BATCH));
        }
        cache = new CachingEmbedder(model);
        cache.embedAll(List.of(texts));
    }

    /** One text through the model: a new memory or a new question. */
    @Benchmark
    public float[] singleText() {
        return model.embed(texts[next++ % texts.length]);
    }

    /** 32 texts in one call, per text: importing a history or re-embedding a store. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<float[]> batchOf32() {
        return model.embedAll(batches.get(next++ % batches.size()));
    }

    /** A text embedded before, answered from the cache (a copy of the vector). */
    @Benchmark
    public float[] cacheHit() {
        return cache.embed(texts[next++ % texts.length]);
    }

    /** The first {@code count} distinct user turns of the synthetic world, sorted (deterministic). */
    static String[] userTexts(int count) {
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.defaults(7L).withUsers(40));
        TreeSet<String> distinct = new TreeSet<>();
        for (UserData user : world.dataset().users()) {
            for (Turn turn : user.history()) {
                if (turn.role() == Role.USER && turn.choice().isEmpty()) {
                    distinct.add(turn.text());
                }
            }
        }
        if (distinct.size() < count) {
            throw new IllegalStateException("the synthetic world has " + distinct.size() + " distinct user turns, " + count + " needed");
        }
        return distinct.stream().limit(count).toArray(String[]::new);
    }
}
