package org.adaptbench.harness.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.adaptbench.harness.usage.UsageException;

/**
 * Typed view of a resolved configuration (see {@code suites.json} for every value and its default).
 *
 * @param tree the resolved JSON this view was read from, written verbatim into results.json
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunConfig(
        String suite,
        long seed,
        List<String> datasets,
        List<String> approaches,
        List<String> scenarios,
        String cacheDir,
        Evaluation evaluation,
        Synthetic synthetic,
        PrefEval prefeval,
        Pretraining pretraining,
        Memory memory,
        Adapters adapters,
        Reversibility reversibility,
        DataSize dataSize,
        Regimes regimes,
        Retrieval retrieval,
        BootstrapSection bootstrap,
        @com.fasterxml.jackson.annotation.JsonIgnore ObjectNode tree) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Binds a resolved tree and checks every name in it. */
    public static RunConfig of(ObjectNode tree) {
        RunConfig bound;
        try {
            bound = MAPPER.treeToValue(tree, RunConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (e.getCause() instanceof UsageException rejected) {
                throw new UsageException("bad configuration: " + rejected.getMessage()); // a section's own check, said plainly
            }
            throw new UsageException("bad configuration: " + e.getOriginalMessage());
        }
        RunConfig config = new RunConfig(bound.suite, bound.seed, bound.datasets, bound.approaches, bound.scenarios,
                bound.cacheDir, bound.evaluation, bound.synthetic, bound.prefeval, bound.pretraining, bound.memory, bound.adapters,
                bound.reversibility, bound.dataSize, bound.regimes, bound.retrieval, bound.bootstrap, tree.deepCopy());
        return config;
    }

    /** Who is evaluated: the same users for every approach, and the share of each history kept for training only. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evaluation(int users, double trainFraction) {
    }

    /** Size of the synthetic world. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Synthetic(int users, int eventsPerUser, double changeRate, double deletionRate) {
    }

    /** Which PrefEval items to load and how much filler to insert. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PrefEval(String path, int itemsPerTopic, int domainItemsPerTopic, List<String> forms,
            List<Integer> fillerTurns, int granularityFillerTurns, List<String> pretrainingTopics) {
    }

    /** Pre-training of the base model. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pretraining(int examples, int epochs, int batchSize, double learningRate) {
    }

    /**
     * The memory approach: retrieval depth, the injected section's token budget, its preference
     * extractor ({@code pattern}, offline, or {@code llm}: the run's {@code --llm} model, the offline
     * extractor as its fallback), and its store: {@code sqlite} (durable, one file per approach
     * instance under the run directory's {@code stores/}, deleted when the instance closes unless
     * {@code keep_stores}) or {@code in-memory}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Memory(int topK, int tokenBudget, String extractor, String store, boolean keepStores) {

        public static final String PATTERN = "pattern";
        public static final String LLM = "llm";
        public static final String SQLITE = "sqlite";
        public static final String IN_MEMORY = "in-memory";

        public Memory {
            if (extractor == null) {
                extractor = PATTERN;
            }
            if (!extractor.equals(PATTERN) && !extractor.equals(LLM)) {
                throw new UsageException("unknown memory.extractor '" + extractor + "'; choose " + PATTERN + " or " + LLM);
            }
            if (store == null) {
                store = SQLITE;
            }
            if (!store.equals(SQLITE) && !store.equals(IN_MEMORY)) {
                throw new UsageException("unknown memory.store '" + store + "'; choose " + SQLITE + " or " + IN_MEMORY);
            }
        }

        /** Whether the memory approach keeps its memories in a durable store (SQLite). */
        public boolean durable() {
            return store.equals(SQLITE);
        }

        public boolean llmExtractor() {
            return extractor.equals(LLM);
        }
    }

    /** LoRA adapters: who gets one, their shape, training, retraining cadences. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Adapters(int rank, double alpha, int epochs, int sharedEpochs, double learningRate, int variants,
            int distillationProbes, double distillationMinKl, int maxExamplesPerUser, String cadence,
            List<String> cadences, int domainUsers, String curation) {

        /** Fine-tuning data distils every user turn that moves a probe (no extractor decides). */
        public static final String RAW_CURATION = "raw";
        /**
         * Fine-tuning data distils only the turns the shared preference extractor reads as preferences:
         * the default, chosen on the validation world (docs/approaches-and-scenarios.md).
         */
        public static final String EXTRACTOR_CURATION = "extractor";

        public Adapters {
            if (curation == null) {
                curation = EXTRACTOR_CURATION;
            }
            if (!curation.equals(RAW_CURATION) && !curation.equals(EXTRACTOR_CURATION)) {
                throw new UsageException("unknown adapters.curation '" + curation + "'; choose " + RAW_CURATION + " or " + EXTRACTOR_CURATION);
            }
        }
    }


    /** The reversibility scenario. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reversibility(int users, int gradientAscentSteps, int probesPerDimension) {
    }

    /** The data-size sweep. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataSize(int users, List<Integer> events) {
    }

    /**
     * The regimes map: synthetic worlds over how much users agree (the share holding each dimension's
     * leading option; 0.25 is uniform), how much data a user has, and how fast preferences change.
     *
     * @param users evaluated users per cell
     * @param domainUsers users of each cell's domain world (for the domain adapter)
     * @param approaches the approaches each cell compares
     * @param requestsPerUserMonth the request volume cost per user-month is projected at
     * @param costModel the model size of the cost assumptions the projection uses
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Regimes(List<Double> agreement, List<Integer> events, List<Double> changeRates, int users, int domainUsers,
            List<String> approaches, double requestsPerUserMonth, String costModel) {
    }

    /** The retrieval scenario's cut-offs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Retrieval(List<Integer> k, List<String> ablations) {

        public Retrieval {
            ablations = List.copyOf(ablations);
        }
    }

    /** Confidence intervals. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BootstrapSection(int resamples) {
    }
}
