package org.adaptbench.harness.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import org.adaptbench.datasets.prefeval.PrefEvalForm;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.harness.usage.UsageException;

/**
 * Typed view of a resolved configuration (see {@code suites.json} for every value and its default).
 * Each section checks its values' types and allowed ranges when it is bound ({@link Allowed}), so a
 * bad value is refused, naming its path, before a run writes anything.
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
        int parallelCells,
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
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // 1.5 users is an error, not 1 user
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** Most cells a run computes at once: each holds its own approach instance (a model's worth of memory at most). */
    static final int MAX_PARALLEL_CELLS = 64;

    /**
     * How many cells run at once: {@code parallel_cells}, or with 0 one per processor the JVM may use.
     * The figures do not depend on it (each cell computes alone from its own inputs); times measured
     * while another cell runs share the machine with it.
     */
    public int cellsAtOnce() {
        return parallelCells > 0 ? parallelCells : Math.min(MAX_PARALLEL_CELLS, Runtime.getRuntime().availableProcessors());
    }

    /** Most users a run evaluates or generates: far above the full suite's 1,000 (a run of that size takes days). */
    static final int MAX_USERS = 100_000;

    public RunConfig {
        Objects.requireNonNull(suite, "suite");
        Allowed.names("datasets", datasets);
        Allowed.names("approaches", approaches);
        Allowed.names("scenarios", scenarios);
        Objects.requireNonNull(cacheDir, "cache_dir");
        Allowed.range("parallel_cells", parallelCells, 0, MAX_PARALLEL_CELLS);
        Objects.requireNonNull(evaluation, "evaluation");
        Objects.requireNonNull(synthetic, "synthetic");
        Objects.requireNonNull(prefeval, "prefeval");
        Objects.requireNonNull(pretraining, "pretraining");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(adapters, "adapters");
        Objects.requireNonNull(reversibility, "reversibility");
        Objects.requireNonNull(dataSize, "data_size");
        Objects.requireNonNull(retrieval, "retrieval");
        Objects.requireNonNull(bootstrap, "bootstrap");
        datasets = List.copyOf(datasets);
        approaches = List.copyOf(approaches);
        scenarios = List.copyOf(scenarios);
    }

    /** Binds a resolved tree and checks every name in it. */
    public static RunConfig of(ObjectNode tree) {
        RunConfig bound;
        try {
            bound = MAPPER.treeToValue(tree, RunConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            if (e.getCause() instanceof UsageException rejected) {
                throw new UsageException("bad configuration: " + rejected.getMessage()); // a section's own check, said plainly
            }
            throw new UsageException("bad configuration: " + path(e) + e.getOriginalMessage());
        }
        RunConfig config = new RunConfig(bound.suite, bound.seed, bound.datasets, bound.approaches, bound.scenarios,
                bound.cacheDir, bound.parallelCells, bound.evaluation, bound.synthetic, bound.prefeval, bound.pretraining, bound.memory, bound.adapters,
                bound.reversibility, bound.dataSize, bound.regimes, bound.retrieval, bound.bootstrap, tree.deepCopy());
        return config;
    }

    /** The JSON path of a binding error ("evaluation.users: "), or "" when Jackson names none. */
    private static String path(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (var reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path + ": ";
    }

    /**
     * Who is evaluated: the same users for every approach (at most {@code users}: a data set with fewer
     * has all of them evaluated, and the run says so), and the share of each history kept for training only.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evaluation(int users, double trainFraction) {

        public Evaluation {
            Allowed.range("evaluation.users", users, 1, MAX_USERS);
            Allowed.rangeBelow("evaluation.train_fraction", trainFraction, 0, 1);
        }
    }

    /** Size of the synthetic world. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Synthetic(int users, int eventsPerUser, double changeRate, double deletionRate) {

        public Synthetic {
            Allowed.range("synthetic.users", users, 1, MAX_USERS);
            Allowed.range("synthetic.events_per_user", eventsPerUser, 1, 10_000);
            Allowed.range("synthetic.change_rate", changeRate, 0, 1);
            Allowed.range("synthetic.deletion_rate", deletionRate, 0, 1);
            if (changeRate + deletionRate > 1) {
                throw Allowed.refused("synthetic.change_rate + synthetic.deletion_rate", Double.toString(changeRate + deletionRate),
                        "at most 1 (they are shares of the same events)");
            }
        }
    }

    /** Which PrefEval items to load and how much filler to insert. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PrefEval(String path, int itemsPerTopic, int domainItemsPerTopic, List<String> forms,
            List<Integer> fillerTurns, int granularityFillerTurns, List<String> pretrainingTopics) {

        public PrefEval {
            Objects.requireNonNull(path, "prefeval.path");
            // 0: every item of a topic the domain does not take (the full suite evaluates all of them)
            Allowed.range("prefeval.items_per_topic", itemsPerTopic, 0, 10_000);
            Allowed.range("prefeval.domain_items_per_topic", domainItemsPerTopic, 0, 10_000);
            Allowed.names("prefeval.forms", forms);
            for (int i = 0; i < forms.size(); i++) {
                if (PrefEvalForm.parse(forms.get(i)).isEmpty()) {
                    throw Allowed.refused("prefeval.forms[" + i + "]", "\"" + forms.get(i) + "\"", "explicit, choice or persona");
                }
            }
            Allowed.integers("prefeval.filler_turns", fillerTurns, 0, 100_000, true);
            Allowed.range("prefeval.granularity_filler_turns", granularityFillerTurns, 0, 100_000);
            Objects.requireNonNull(pretrainingTopics, "prefeval.pretraining_topics");
            if (!pretrainingTopics.isEmpty()) {
                Allowed.names("prefeval.pretraining_topics", pretrainingTopics);
            }
            forms = List.copyOf(forms);
            fillerTurns = List.copyOf(fillerTurns);
            pretrainingTopics = List.copyOf(pretrainingTopics);
        }
    }

    /** Pre-training of the base model. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pretraining(int examples, int epochs, int batchSize, double learningRate) {

        public Pretraining {
            Allowed.range("pretraining.examples", examples, 1, 10_000_000);
            Allowed.range("pretraining.epochs", epochs, 1, 1_000);
            Allowed.range("pretraining.batch_size", batchSize, 1, 65_536);
            Allowed.positive("pretraining.learning_rate", learningRate, 10);
        }
    }

    /**
     * The memory approach: retrieval depth, the injected section's token budget, its preference
     * extractor ({@code pattern}, offline, or {@code llm}: the run's {@code --llm} model, the offline
     * extractor as its fallback), and its store: {@code sqlite} (durable, one file per approach
     * instance under the run directory's {@code stores/}, deleted when the instance closes unless
     * {@code keep_stores}) or {@code in-memory}; the SQLite store's {@code durability}: {@code normal}
     * (default: no disk sync per commit, still safe against a killed process; a run's store files are
     * scratch) or {@code full} (every commit synced, as a deployment would run it).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Memory(int topK, int tokenBudget, String extractor, String store, boolean keepStores, String durability, Double neighbourWeight) {

        public static final String PATTERN = "pattern";
        public static final String LLM = "llm";
        public static final String SQLITE = "sqlite";
        public static final String IN_MEMORY = "in-memory";
        public static final String FULL = "full";
        public static final String NORMAL = "normal";

        public Memory {
            Allowed.range("memory.top_k", topK, 1, 1_000);
            // 0 is an ablation: memory that injects nothing
            Allowed.range("memory.token_budget", tokenBudget, 0, 100_000);
            if (extractor == null) {
                extractor = PATTERN;
            }
            Allowed.oneOf("memory.extractor", extractor, List.of(PATTERN, LLM));
            if (store == null) {
                store = SQLITE;
            }
            Allowed.oneOf("memory.store", store, List.of(SQLITE, IN_MEMORY));
            if (durability == null) {
                durability = NORMAL;
            }
            Allowed.oneOf("memory.durability", durability, List.of(FULL, NORMAL));
            if (neighbourWeight == null) {
                neighbourWeight = org.adaptbench.personalization.score.ScoreWeights.DEFAULTS.neighbour();
            }
            Allowed.range("memory.neighbour_weight", neighbourWeight, 0.0, 10.0);
        }

        /** Whether the memory approach keeps its memories in a durable store (SQLite). */
        public boolean durable() {
            return store.equals(SQLITE);
        }

        /** Whether every commit of the SQLite store is synced to disk ({@code full}). */
        public boolean fullDurability() {
            return durability.equals(FULL);
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
            Allowed.oneOf("adapters.curation", curation, List.of(RAW_CURATION, EXTRACTOR_CURATION));
            Allowed.range("adapters.rank", rank, 1, maxRank());
            Allowed.positive("adapters.alpha", alpha, 1_000);
            Allowed.range("adapters.epochs", epochs, 1, 1_000);
            Allowed.range("adapters.shared_epochs", sharedEpochs, 1, 1_000);
            Allowed.positive("adapters.learning_rate", learningRate, 10);
            Allowed.range("adapters.variants", variants, 1, 1_000);
            Allowed.range("adapters.distillation_probes", distillationProbes, 1, 10_000);
            Allowed.range("adapters.distillation_min_kl", distillationMinKl, 0, 100);
            Allowed.range("adapters.max_examples_per_user", maxExamplesPerUser, 1, 1_000_000);
            Allowed.names("adapters.cadence", cadence == null ? null : List.of(cadence));
            Allowed.names("adapters.cadences", cadences);
            Allowed.range("adapters.domain_users", domainUsers, 1, MAX_USERS);
            cadences = List.copyOf(cadences);
        }

        /** The largest rank every adapted layer of the base model takes (its narrowest layer's width). */
        static int maxRank() {
            ModelConfig model = ModelConfig.MINILM;
            return LoraConfig.defaults().targets().stream()
                    .mapToInt(layer -> Math.min(model.inputsOf(layer), model.outputsOf(layer))).min().orElse(1);
        }
    }


    /** The reversibility scenario. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reversibility(int users, int gradientAscentSteps, int probesPerDimension) {

        public Reversibility {
            Allowed.range("reversibility.users", users, 1, MAX_USERS);
            Allowed.range("reversibility.gradient_ascent_steps", gradientAscentSteps, 1, 10_000);
            Allowed.range("reversibility.probes_per_dimension", probesPerDimension, 1, 1_000);
        }
    }

    /** The data-size sweep. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataSize(int users, List<Integer> events) {

        public DataSize {
            Allowed.range("data_size.users", users, 1, MAX_USERS);
            events = List.copyOf(Allowed.integers("data_size.events", events, 1, 10_000, true));
        }
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

        public Regimes {
            agreement = List.copyOf(agreement);
            agreement.forEach(share -> Allowed.range("regimes.agreement", share, 0.25, 1.0));
            events = List.copyOf(Allowed.integers("regimes.events", events, 1, 10_000, true));
            changeRates = List.copyOf(changeRates);
            changeRates.forEach(rate -> Allowed.range("regimes.change_rates", rate, 0.0, 1.0));
            Allowed.range("regimes.users", users, 1, MAX_USERS);
            Allowed.range("regimes.domain_users", domainUsers, 1, MAX_USERS);
            approaches = List.copyOf(Allowed.names("regimes.approaches", approaches));
            Allowed.positive("regimes.requests_per_user_month", requestsPerUserMonth, 1e9);
        }
    }

    /** The retrieval scenario's cut-offs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Retrieval(List<Integer> k, List<String> ablations) {

        public Retrieval {
            k = List.copyOf(Allowed.integers("retrieval.k", k, 1, 1_000, true));
            ablations = List.copyOf(ablations);
        }
    }

    /** Confidence intervals. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BootstrapSection(int resamples) {

        public BootstrapSection {
            // fewer than 100 resamples give intervals too coarse to read (Bootstrap refuses them)
            Allowed.range("bootstrap.resamples", resamples, 100, 1_000_000);
        }
    }
}
