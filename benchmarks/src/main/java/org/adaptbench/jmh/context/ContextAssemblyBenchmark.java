package org.adaptbench.jmh.context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.harness.approach.Response;
import org.adaptbench.harness.approach.basic.FullContextApproach;
import org.adaptbench.harness.extraction.MemoryTurns;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.harness.model.Decision;
import org.adaptbench.personalization.ContextResult;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.context.ContextBuilder;
import org.adaptbench.personalization.context.MemoryContext;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;
import org.adaptbench.personalization.score.ScoredMemory;
import org.adaptbench.reports.results.ApproachNames;
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
 * What putting a user into the prompt costs per request, for the two approaches that change no
 * weights, over synthetic-world histories of {@code events} events (the harness default is 40):
 * <ul>
 *   <li>{@code memoryContext}: {@link PersonalMemory#buildContext} end to end: search the user's
 *       memories, re-rank them, render the best ten that fit {@code tokenBudget} as a fenced section,
 *       counting every candidate section with jtokkit (cl100k_base). The question's embedding is a
 *       cache hit here (warmed in setup): the model call is {@code EmbeddingBenchmark}'s figure;</li>
 *   <li>{@code renderMemories}: {@link ContextBuilder#build} alone on the same ranked memories:
 *       the rendering and token counting inside the figure above;</li>
 *   <li>{@code fullHistoryTranscript}: the harness's full-context approach answering the same
 *       question (its model stubbed out): the user's whole history as a transcript, one line per
 *       turn, and its token count, which grows with the history.</li>
 * </ul>
 * In setup, each user's history goes to both: the memory layer with its defaults (pattern
 * extractor, all-MiniLM-L6-v2, in-memory store) sees each turn as the harness's memory approach
 * does ({@link MemoryTurns}), the full-context approach keeps it. Reinforcement on use is off so
 * that every call sees the same store. Each call serves the next (user, question) of the world.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*"
 * org.openjdk.jmh.Main 'jmh.context.ContextAssemblyBenchmark' -f 1 -wi 3 -i 5}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ContextAssemblyBenchmark {

    private static final int USERS = 4;
    private static final int CANDIDATES = 10;

    /** History length in events per user (a filler event is two turns). */
    @Param({"40", "200"})
    public int events;

    /** The budget of the memory section, as in the harness's {@code memory.token_budget}. */
    @Param({"256"})
    public int tokenBudget;

    /** One request: who asks what, and the memories ranked for it. */
    private record Request(String userId, Query query, List<ScoredMemory> ranked) {
    }

    /** Stands in for the model so that only the context assembly is timed. */
    private static final AnswerModel FIRST_OPTION = prompt -> Decision.argMax(new double[prompt.options().size()]);

    private PersonalMemory memory;
    private ContextBuilder contextBuilder;
    private FullContextApproach fullContext;
    private Request[] requests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.defaults(11L).withUsers(USERS).withEventsPerUser(events));
        ManualClock clock = new ManualClock(Instant.EPOCH);
        contextBuilder = new ContextBuilder();
        fullContext = new FullContextApproach(ApproachNames.FULL_CONTEXT, FIRST_OPTION, contextBuilder.tokenCounter());
        memory = PersonalMemory.builder()
                .embedder(new CachingEmbedder(LangChain4jEmbedder.allMiniLmL6V2()))
                .clock(clock)
                .contextBuilder(contextBuilder)
                .contextMemories(CANDIDATES)
                .reinforceOnUse(false)
                .build();
        List<Request> all = new ArrayList<>();
        for (UserData user : world.dataset().users()) {
            for (Turn turn : user.history()) {
                clock.set(Instant.ofEpochMilli(turn.timestamp()));
                memory.observe(user.userId(), MemoryTurns.of(turn));
                fullContext.learn(user.userId(), turn);
            }
            for (Query query : user.queries()) {
                // also puts the question's embedding into the cache
                List<ScoredMemory> ranked = memory.recall(user.userId(), query.question(), CANDIDATES).memories();
                all.add(new Request(user.userId(), query, ranked));
            }
        }
        requests = all.toArray(Request[]::new);
        // the sizes the README's table quotes beside the times: what each approach puts into the prompt
        double memoryTokens = 0;
        double memories = 0;
        double transcriptTokens = 0;
        for (Request request : requests) {
            MemoryContext section = contextBuilder.build(request.ranked(), tokenBudget);
            memoryTokens += section.tokens();
            memories += section.memories().size();
            transcriptTokens += fullContext.answer(request.userId(), request.query()).tokensAdded();
        }
        System.err.printf(java.util.Locale.US, "context sizes at %d events: memory section %.0f tokens (%.1f memories),"
                + " transcript %.0f tokens, mean of %d requests%n", events, memoryTokens / requests.length, memories / requests.length,
                transcriptTokens / requests.length, requests.length);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        memory.close();
    }

    @Benchmark
    public ContextResult memoryContext() {
        Request request = requests[next++ % requests.length];
        return memory.buildContext(request.userId(), request.query().question(), tokenBudget);
    }

    @Benchmark
    public MemoryContext renderMemories() {
        Request request = requests[next++ % requests.length];
        return contextBuilder.build(request.ranked(), tokenBudget);
    }

    @Benchmark
    public Response fullHistoryTranscript() {
        Request request = requests[next++ % requests.length];
        return fullContext.answer(request.userId(), request.query());
    }
}
