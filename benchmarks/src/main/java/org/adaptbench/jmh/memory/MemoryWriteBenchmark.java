package org.adaptbench.jmh.memory;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.adaptbench.personalization.store.Memory;
import org.adaptbench.personalization.store.MemoryDraft;
import org.adaptbench.personalization.store.MemoryKind;
import org.adaptbench.personalization.store.MemoryStore;
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
 * Latency of {@code MemoryStore.add} with the vector already computed (embedding excluded), for
 * both backends. Writes go round-robin to 100 users; the SQLite store syncs every commit
 * ({@code synchronous=FULL}), so its figure is mostly this machine's fsync. Each iteration starts
 * from an empty store, so the in-memory run measures adds, not the garbage collector of a heap
 * filled by millions of them.
 *
 * <p>Run: {@code java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main MemoryWriteBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@State(Scope.Benchmark)
public class MemoryWriteBenchmark {

    static final int DIMENSION = 384;
    private static final int DRAFTS = 4_096;

    @Param({"IN_MEMORY", "SQLITE"})
    public StoreBackend backend;

    private Path folder;
    private MemoryStore store;
    private MemoryDraft[] drafts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        float[][] vectors = RandomVectors.unit(DRAFTS, DIMENSION, 11L);
        drafts = new MemoryDraft[DRAFTS];
        for (int i = 0; i < DRAFTS; i++) {
            drafts[i] = new MemoryDraft(MemoryFootprint.statement(i), vectors[i], "slot-" + i % 8, MemoryKind.EXPLICIT, 0.9);
        }
    }

    @Setup(Level.Iteration)
    public void openEmptyStore() {
        folder = StoreBackend.temporaryFolder();
        store = backend.open(folder, DIMENSION);
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        store.close();
        StoreBackend.deleteFolder(folder);
    }

    @Benchmark
    public Memory add() {
        int i = next++;
        return store.add("user-" + i % 100, drafts[i % DRAFTS]);
    }
}
