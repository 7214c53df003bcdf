package org.adaptbench.harness.approach.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.ApproachFactory;
import org.adaptbench.harness.approach.Sweep;
import org.adaptbench.harness.approach.Variant;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.extraction.SharedExtraction;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.score.Fusion;
import org.adaptbench.personalization.score.ScoreWeights;
import org.adaptbench.personalization.store.Durability;
import org.adaptbench.personalization.store.MemoryStore;
import org.adaptbench.personalization.store.SqliteMemoryStore;
import org.adaptbench.reports.results.ApproachNames;

/**
 * Builds the memory approach: the shared extractor, the workload's slots, a replay clock, the run's
 * store backend; conditions are retrieval ablations ({@code memory/dense-only}, {@code memory/no-recency},
 * {@code memory/no-episodes}, ...), each the default with one thing switched.
 */
public final class MemoryFactory implements ApproachFactory {

    public static final MemoryFactory INSTANCE = new MemoryFactory();

    /** The default, each term switched off in turn, the other fusion, no episodes, and similarity alone: what each part buys. */
    static final Map<String, Condition> ABLATIONS = ablations();

    /** What a condition changes: the score, whether turns are kept as episodes, and whether each is stored with the turn before it. */
    record Condition(ScoreWeights weights, boolean episodes, boolean turnContext) {

        Condition(ScoreWeights weights, boolean episodes) {
            this(weights, episodes, true);
        }
    }

    private MemoryFactory() {
    }

    @Override
    public MemoryApproach create(Variant variant, ApproachContext context) {
        Condition condition = ABLATIONS.get(variant.condition());
        return build(context, variant.wireName(), () -> context.bench().answerModel(), condition,
                MemoryApproach.ContextListener.NONE);
    }

    @Override
    public boolean accepts(String condition) {
        return ABLATIONS.containsKey(condition);
    }

    @Override
    public List<Variant> variants(Sweep sweep, Variant plain, ApproachContext context) {
        if (sweep != Sweep.RETRIEVAL) {
            return List.of(plain);
        }
        List<String> wanted = context.config().retrieval().ablations();
        return ABLATIONS.keySet().stream().filter(condition -> condition.isEmpty() || wanted.contains(condition))
                .map(condition -> new Variant(plain.approach(), condition, false)).toList();
    }

    /**
     * The memory layer as the memory approach configures it, answered by {@code model} (the run's
     * answer model, or the base model with an adapter for the combined approach).
     */
    public static MemoryApproach build(ApproachContext context, String name, AnswerModel model, ScoreWeights weights,
            MemoryApproach.ContextListener listener) {
        return build(context, name, () -> model, new Condition(weights, true), listener);
    }

    private static MemoryApproach build(ApproachContext context, String name, java.util.function.Supplier<AnswerModel> model,
            Condition condition, MemoryApproach.ContextListener listener) {
        RunConfig.Memory section = context.config().memory();
        SharedExtraction extraction = SharedExtraction.of(context);
        ManualClock clock = new ManualClock(Instant.EPOCH);
        Optional<Path> file = section.durable() ? context.newStoreFile(name) : Optional.empty();
        PersonalMemory.Builder builder = PersonalMemory.builder()
                .embedder(context.bench().embedder())
                .slots(extraction.slots())
                .slotClassifier(extraction.slotClassifier())
                .extractor(extraction.extractor())
                .scoreWeights(withNeighbourWeight(condition.weights(), section))
                .episodes(condition.episodes())
                .turnContext(condition.turnContext())
                .clock(clock)
                .contextMemories(section.topK());
        file.ifPresent(path -> builder.store(openStore(path, context, clock)));
        return new MemoryApproach(name, builder.build(), clock, model, section.tokenBudget(), listener,
                section.keepStores() ? Optional.empty() : file);
    }

    /** {@code weights} with the run's neighbour weight, unless the condition switched the term off. */
    private static ScoreWeights withNeighbourWeight(ScoreWeights weights, RunConfig.Memory section) {
        return weights.enabled(ScoreWeights.Term.NEIGHBOUR) ? weights.withWeight(ScoreWeights.Term.NEIGHBOUR, section.neighbourWeight()) : weights;
    }

    private static MemoryStore openStore(Path file, ApproachContext context, ManualClock clock) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the memory store folder " + file.getParent(), e);
        }
        Durability durability = context.config().memory().fullDurability() ? Durability.FULL : Durability.NORMAL;
        return SqliteMemoryStore.open(file, context.bench().embedder().dimension(), clock, SqliteMemoryStore.DEFAULT_MAX_CACHED_MEMORIES,
                durability);
    }

    private static Map<String, Condition> ablations() {
        ScoreWeights hybrid = ScoreWeights.DEFAULTS;
        Map<String, Condition> ablations = new LinkedHashMap<>();
        ablations.put("", new Condition(hybrid, true));
        ablations.put(ApproachNames.DENSE_ONLY, new Condition(hybrid.withWeight(ScoreWeights.Term.LEXICAL, 0), true));
        ablations.put(ApproachNames.BM25_ONLY, new Condition(hybrid.withWeight(ScoreWeights.Term.SIMILARITY, 0), true));
        ablations.put(ApproachNames.NO_RECENCY_ACTIVATION, new Condition(hybrid.withWeight(ScoreWeights.Term.RECENCY, 0)
                .withWeight(ScoreWeights.Term.ACTIVATION, 0), true));
        ablations.put(ApproachNames.NO_RECENCY, new Condition(hybrid.withWeight(ScoreWeights.Term.RECENCY, 0), true));
        ablations.put(ApproachNames.NO_ACTIVATION, new Condition(hybrid.withWeight(ScoreWeights.Term.ACTIVATION, 0), true));
        ablations.put(ApproachNames.NO_CONFIDENCE, new Condition(hybrid.withWeight(ScoreWeights.Term.CONFIDENCE, 0), true));
        boolean rrf = hybrid.fusion() == Fusion.RRF;
        ablations.put(rrf ? ApproachNames.WEIGHTED_SUM : ApproachNames.RRF, new Condition(hybrid.withFusion(rrf ? Fusion.WEIGHTED_SUM : Fusion.RRF), true));
        ablations.put(ApproachNames.NO_NEIGHBOUR, new Condition(hybrid.withWeight(ScoreWeights.Term.NEIGHBOUR, 0), true));
        ablations.put(ApproachNames.NO_TURN_CONTEXT, new Condition(hybrid, true, false));
        ablations.put(ApproachNames.NO_EPISODES, new Condition(hybrid, false));
        ablations.put(ApproachNames.SIMILARITY_ONLY, new Condition(ScoreWeights.similarityOnly(), true));
        return ablations;
    }
}
