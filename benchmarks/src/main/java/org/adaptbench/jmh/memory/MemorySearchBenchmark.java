package org.adaptbench.jmh.memory;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.adaptbench.personalization.embed.Vectors;
import org.adaptbench.personalization.store.InMemoryMemoryStore;
import org.adaptbench.personalization.store.MemoryDraft;
import org.adaptbench.personalization.store.MemoryFilter;
import org.adaptbench.personalization.store.MemoryHit;
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
 * Top-5 search for one user holding 1,000 memories, in a store of 100,000 memories over 100 users
 * (random unit 384-d vectors), side by side in one run:
 * <ul>
 *   <li>{@code ADAPTBENCH}: {@link InMemoryMemoryStore}, each user's vectors in one contiguous array;</li>
 *   <li>{@code LANGCHAIN4J}: langchain4j's {@code InMemoryEmbeddingStore} with a {@code user_id}
 *       metadata filter, the usual way to scope a shared store to one user;</li>
 *   <li>{@code PLAIN_SCAN}: a bare loop over the same user's vectors with the same dot-product
 *       kernel ({@link Vectors#dot(float[], float[], int)}) keeping the best five, no store around
 *       it: the floor on this machine;</li>
 *   <li>{@code NAIVE_SCAN}: the textbook loop, one running sum per row: what a plain scan costs
 *       without the kernel's four independent accumulators.</li>
 * </ul>
 * Each call searches the next user with the next query, cycling through all 100 users.
 *
 * <p>Run: {@code mvn -B -q -DskipTests package && java -cp "benchmarks/target/adaptbench.jar:benchmarks/target/lib/*"
 * org.openjdk.jmh.Main MemorySearchBenchmark -rf json -rff /tmp/memory-search.json}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms2g"})
@State(Scope.Benchmark)
public class MemorySearchBenchmark {

    static final int DIMENSION = 384;
    static final int USERS = 100;
    static final int MEMORIES_PER_USER = 1_000;
    static final int K = 5;
    static final int QUERIES = 256;

    /** The compared implementations; each constant builds its index over the same vectors. */
    public enum Implementation {
        ADAPTBENCH {
            @Override
            Searcher build(float[][] vectors) {
                InMemoryMemoryStore store = new InMemoryMemoryStore(DIMENSION);
                for (int i = 0; i < vectors.length; i++) {
                    store.add(RandomVectors.user(i, MEMORIES_PER_USER), MemoryDraft.of("memory " + i, vectors[i]));
                }
                return (user, query) -> {
                    List<MemoryHit> hits = store.search("user-" + user, query, K, MemoryFilter.NONE);
                    return hits.get(0).memory().id();
                };
            }
        },
        LANGCHAIN4J {
            @Override
            Searcher build(float[][] vectors) {
                InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
                List<String> ids = new ArrayList<>();
                List<Embedding> embeddings = new ArrayList<>();
                List<TextSegment> segments = new ArrayList<>();
                for (int i = 0; i < vectors.length; i++) {
                    ids.add(Integer.toString(i));
                    embeddings.add(Embedding.from(vectors[i].clone()));
                    segments.add(TextSegment.from("memory " + i, Metadata.from("user_id", RandomVectors.user(i, MEMORIES_PER_USER))));
                }
                store.addAll(ids, embeddings, segments);
                return (user, query) -> {
                    EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                            .queryEmbedding(Embedding.from(query)).maxResults(K)
                            .filter(metadataKey("user_id").isEqualTo("user-" + user)).build();
                    List<EmbeddingMatch<TextSegment>> matches = store.search(request).matches();
                    return Long.parseLong(matches.get(0).embeddingId());
                };
            }
        },
        PLAIN_SCAN {
            @Override
            Searcher build(float[][] vectors) {
                float[][] perUser = matrices(vectors);
                return (user, query) -> plainTopK(perUser[user], query, true);
            }
        },
        NAIVE_SCAN {
            @Override
            Searcher build(float[][] vectors) {
                float[][] perUser = PLAIN_SCAN.matrices(vectors);
                return (user, query) -> plainTopK(perUser[user], query, false);
            }
        };

        float[][] matrices(float[][] vectors) {
            float[][] perUser = new float[USERS][MEMORIES_PER_USER * DIMENSION];
            for (int i = 0; i < vectors.length; i++) {
                System.arraycopy(vectors[i], 0, perUser[i / MEMORIES_PER_USER], (i % MEMORIES_PER_USER) * DIMENSION, DIMENSION);
            }
            return perUser;
        }

        abstract Searcher build(float[][] vectors);
    }

    /** Searches one user's memories and returns the best id, so the work cannot be optimised away. */
    @FunctionalInterface
    interface Searcher {
        long search(int user, float[] query);
    }

    @Param
    public Implementation implementation;

    private Searcher searcher;
    private float[][] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        float[][] vectors = RandomVectors.unit(USERS * MEMORIES_PER_USER, DIMENSION, 20_240_601L);
        queries = RandomVectors.unit(QUERIES, DIMENSION, 7L);
        searcher = implementation.build(vectors);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        searcher = null;
    }

    @Benchmark
    public long searchTop5() {
        int i = next++;
        return searcher.search(i % USERS, queries[i % QUERIES]);
    }

    /** Dot products row by row into a k-slot insertion list: the simplest correct top-k scan. */
    static long plainTopK(float[] matrix, float[] query, boolean kernel) {
        float[] best = new float[K];
        int[] bestRow = new int[K];
        java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
        int rows = matrix.length / DIMENSION;
        for (int row = 0; row < rows; row++) {
            int offset = row * DIMENSION;
            float score;
            if (kernel) {
                score = Vectors.dot(query, matrix, offset);
            } else {
                score = 0f;
                for (int j = 0; j < DIMENSION; j++) {
                    score += query[j] * matrix[offset + j];
                }
            }
            if (score > best[K - 1]) {
                int at = K - 1;
                while (at > 0 && best[at - 1] < score) {
                    best[at] = best[at - 1];
                    bestRow[at] = bestRow[at - 1];
                    at--;
                }
                best[at] = score;
                bestRow[at] = row;
            }
        }
        return bestRow[0];
    }
}
