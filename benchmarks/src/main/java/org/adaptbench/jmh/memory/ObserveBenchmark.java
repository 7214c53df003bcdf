package org.adaptbench.jmh.memory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.ObserveResult;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.adaptbench.personalization.extract.ConversationTurn;
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
 * {@code PersonalMemory.observe} of one turn, embedding excluded (every text is embedded and cached
 * in setup): pattern extraction, the episode write with its lexical index entry, any preference
 * write and link, the cap check. Turns are the synthetic world's, round-robin over 20 users; the
 * SQLite store syncs every commit, so its figure is mostly this machine's fsync.
 *
 * <p>Run: {@code java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main ObserveBenchmark}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class ObserveBenchmark {

    static final int DIMENSION = 384;
    private static final int USERS = 20;

    @Param
    public StoreBackend backend;

    private Path folder;
    private ManualClock clock;
    private PersonalMemory memory;
    private final List<String> texts = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        folder = StoreBackend.temporaryFolder();
        clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
        CachingEmbedder embedder = new CachingEmbedder(new HashingEmbedder(DIMENSION));
        memory = PersonalMemory.builder().embedder(embedder).clock(clock).store(backend.open(folder, DIMENSION, clock)).build();
        for (UserData user : SyntheticWorld.generate(SyntheticConfig.defaults(7).withUsers(60)).dataset().users()) {
            for (Turn turn : user.history()) {
                texts.add(turn.text());
            }
        }
        // warm the cache with every text the layer will embed, so only observing is timed
        for (int i = 0; i < texts.size(); i++) {
            memory.observe("warm-" + i % USERS, ConversationTurn.user(texts.get(i), clock.instant()));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        memory.close();
        StoreBackend.deleteFolder(folder);
    }

    @Benchmark
    public ObserveResult observe() {
        String text = texts.get(next % texts.size());
        clock.advance(java.time.Duration.ofSeconds(30));
        ObserveResult result = memory.observe("user-" + next % USERS, ConversationTurn.user(text, clock.instant()));
        next++;
        return result;
    }
}
