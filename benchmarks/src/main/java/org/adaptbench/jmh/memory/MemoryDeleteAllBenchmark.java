package org.adaptbench.jmh.memory;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.adaptbench.personalization.store.MemoryDraft;
import org.adaptbench.personalization.store.MemoryStore;
import org.adaptbench.personalization.store.SqliteMemoryStore;
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
 * Latency of a hard {@code deleteAll} of one user holding {@code memoriesPerUser} memories, among
 * other users' data, for both backends. On SQLite this includes the secure-delete zeroing, the
 * commit and the WAL checkpoint that leaves no deleted byte on disk. Each shot deletes a
 * different pre-filled user, so no refill runs between shots.
 *
 * <p>Run: {@code java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main MemoryDeleteAllBenchmark}
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, batchSize = 1)
@Measurement(iterations = 20, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class MemoryDeleteAllBenchmark {

    static final int DIMENSION = 384;
    private static final int USERS = 25 + 5;

    @Param({"IN_MEMORY", "SQLITE"})
    public StoreBackend backend;

    @Param("200")
    public int memoriesPerUser;

    private Path folder;
    private MemoryStore store;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        folder = StoreBackend.temporaryFolder();
        store = backend.open(folder, DIMENSION);
        float[][] vectors = RandomVectors.unit(USERS * memoriesPerUser, DIMENSION, 13L);
        for (int i = 0; i < vectors.length; i++) {
            store.add(RandomVectors.user(i, memoriesPerUser), MemoryDraft.of(MemoryFootprint.statement(i), vectors[i]));
        }
        if (store instanceof SqliteMemoryStore sqlite) {
            sqlite.checkpoint();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        StoreBackend.deleteFolder(folder);
    }

    @Benchmark
    public int deleteAll() {
        return store.deleteAll("user-" + next++ % USERS);
    }
}
