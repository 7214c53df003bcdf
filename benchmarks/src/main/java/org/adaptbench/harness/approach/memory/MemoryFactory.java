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
import org.adaptbench.personalization.score.ScoreWeights;
import org.adaptbench.personalization.store.MemoryStore;
import org.adaptbench.personalization.store.SqliteMemoryStore;
import org.adaptbench.reports.results.ApproachNames;

/**
 * Builds the memory approach: the shared extractor, the workload's slots, a replay clock, the run's
 * store backend; conditions are retrieval-score ablations ({@code memory/no-recency}, ...).
 */
public final class MemoryFactory implements ApproachFactory {

    public static final MemoryFactory INSTANCE = new MemoryFactory();

    /** The default score, each term switched off in turn, and similarity alone: what each term buys. */
    static final Map<String, ScoreWeights> ABLATIONS = ablations();

    private MemoryFactory() {
    }

    @Override
    public MemoryApproach create(Variant variant, ApproachContext context) {
        return build(context, variant.wireName(), context.bench().answerModel(), ABLATIONS.get(variant.condition()),
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
        return ABLATIONS.keySet().stream().map(condition -> new Variant(plain.approach(), condition, false)).toList();
    }

    /**
     * The memory layer as the memory approach configures it, answered by {@code model} (the run's
     * answer model, or the base model with an adapter for the combined approach).
     */
    public static MemoryApproach build(ApproachContext context, String name, AnswerModel model, ScoreWeights weights,
            MemoryApproach.ContextListener listener) {
        RunConfig.Memory section = context.config().memory();
        SharedExtraction extraction = SharedExtraction.of(context);
        ManualClock clock = new ManualClock(Instant.EPOCH);
        Optional<Path> file = section.durable() ? context.newStoreFile(name) : Optional.empty();
        PersonalMemory.Builder builder = PersonalMemory.builder()
                .embedder(context.bench().embedder())
                .slots(extraction.slots())
                .extractor(extraction.extractor())
                .scoreWeights(weights)
                .clock(clock)
                .contextMemories(section.topK());
        file.ifPresent(path -> builder.store(openStore(path, context, clock)));
        return new MemoryApproach(name, builder.build(), clock, model, section.tokenBudget(), listener,
                section.keepStores() ? Optional.empty() : file);
    }

    private static MemoryStore openStore(Path file, ApproachContext context, ManualClock clock) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the memory store folder " + file.getParent(), e);
        }
        return SqliteMemoryStore.open(file, context.bench().embedder().dimension(), clock);
    }

    private static Map<String, ScoreWeights> ablations() {
        Map<String, ScoreWeights> ablations = new LinkedHashMap<>();
        ablations.put("", ScoreWeights.DEFAULTS);
        ablations.put(ApproachNames.NO_RECENCY, ScoreWeights.DEFAULTS.withWeight(ScoreWeights.Term.RECENCY, 0));
        ablations.put(ApproachNames.NO_ACTIVATION, ScoreWeights.DEFAULTS.withWeight(ScoreWeights.Term.ACTIVATION, 0));
        ablations.put(ApproachNames.NO_CONFIDENCE, ScoreWeights.DEFAULTS.withWeight(ScoreWeights.Term.CONFIDENCE, 0));
        ablations.put(ApproachNames.SIMILARITY_ONLY, ScoreWeights.similarityOnly());
        return ablations;
    }
}
