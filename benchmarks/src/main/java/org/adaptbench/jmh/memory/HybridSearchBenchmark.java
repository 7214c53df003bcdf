package org.adaptbench.jmh.memory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.RecallResult;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.adaptbench.personalization.extract.ConversationTurn;
import org.adaptbench.personalization.score.ScoreWeights;
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
 * One hybrid search ({@code PersonalMemory.recall}, top 10: dense scan, BM25, fusion, recency and
 * activation) for a user holding {@value #TURNS} turns as episodes plus the preferences extracted
 * from them, beside the same search with the lexical term switched off (a dense-only scan, which
 * skips the BM25 search), on both store backends. The query's embedding is cached, as it is for a
 * repeated question: embedding time is {@code EmbeddingBenchmark}'s. Turns and questions are the
 * synthetic world's (several of its users' histories played as one user's); the embedder is the
 * hashing one, since the scan costs the same for any 384-d vectors and setup stays short.
 * Sample mode, so JMH prints p50 and p95.
 *
 * <p>Run: {@code java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main HybridSearchBenchmark}
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Benchmark)
public class HybridSearchBenchmark {

    /** Turns the user holds, about one LoCoMo conversation (300 to 700 turns). */
    public static final int TURNS = 700;
    static final int DIMENSION = 384;
    private static final String USER = "user";

    @Param
    public StoreBackend backend;

    /** {@code hybrid} (the default score) or {@code dense-only} (the lexical term off). */
    @Param({"hybrid", "dense-only"})
    public String retrieval;

    private Path folder;
    private PersonalMemory memory;
    private List<String> questions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        folder = StoreBackend.temporaryFolder();
        ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
        CachingEmbedder embedder = new CachingEmbedder(new HashingEmbedder(DIMENSION));
        ScoreWeights weights = retrieval.equals("hybrid") ? ScoreWeights.DEFAULTS
                : ScoreWeights.DEFAULTS.withWeight(ScoreWeights.Term.LEXICAL, 0);
        memory = PersonalMemory.builder().embedder(embedder).clock(clock).scoreWeights(weights)
                .store(backend.open(folder, DIMENSION, clock)).build();
        questions = new ArrayList<>();
        long at = clock.instant().toEpochMilli();
        int turns = 0;
        for (UserData user : SyntheticWorld.generate(SyntheticConfig.defaults(7).withUsers(40)).dataset().users()) {
            for (Turn turn : user.history()) {
                if (turns++ == TURNS) {
                    break;
                }
                at += 60_000;
                clock.set(Instant.ofEpochMilli(at));
                memory.observe(USER, ConversationTurn.user(turn.text(), clock.instant()));
            }
            user.queries().stream().map(Query::question).forEach(questions::add);
            if (turns > TURNS) {
                break;
            }
        }
        questions.forEach(q -> embedder.embedFor(USER, q));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        memory.close();
        StoreBackend.deleteFolder(folder);
    }

    @Benchmark
    public RecallResult search() {
        String question = questions.get(next);
        next = (next + 1) % questions.size();
        return memory.recall(USER, question, 10);
    }
}
