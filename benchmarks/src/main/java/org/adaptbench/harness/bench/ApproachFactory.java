package org.adaptbench.harness.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.strategy.PreferenceProfile;
import org.adaptbench.finetune.strategy.SharedAdapterStrategy;
import org.adaptbench.finetune.strategy.StrategyKind;
import org.adaptbench.finetune.strategy.StrategyResult;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.AscentConfig;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.TrainingConfig;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.ApproachKind;
import org.adaptbench.harness.approach.ApproachSpec;
import org.adaptbench.harness.approach.FullContextApproach;
import org.adaptbench.harness.approach.MemoryApproach;
import org.adaptbench.harness.approach.NoneApproach;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.eval.Replay;
import org.adaptbench.harness.extraction.SlotCatalogues;
import org.adaptbench.harness.finetune.Cadence;
import org.adaptbench.harness.finetune.FineTuningData;
import org.adaptbench.harness.finetune.Lineage;
import org.adaptbench.harness.finetune.ReversalMethod;
import org.adaptbench.harness.finetune.SharedLoraApproach;
import org.adaptbench.harness.finetune.UserLoraApproach;
import org.adaptbench.harness.model.EmbeddedAnswerModel;
import org.adaptbench.harness.model.Prompt;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.extract.LlmPreferenceExtractor;
import org.adaptbench.personalization.extract.PatternPreferenceExtractor;
import org.adaptbench.personalization.extract.PreferenceExtractor;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotClassifier;
import org.adaptbench.personalization.score.ScoreWeights;

/**
 * Creates any approach of the comparison for one workload, each from the same shared services, so
 * that the approaches differ only in how they personalize.
 */
public final class ApproachFactory {

    /** Pooled examples a shared adapter trains on at most, spread evenly over the population. */
    static final int MAX_POOLED_EXAMPLES = 4000;

    private final Bench bench;
    private final Workload workload;
    private FineTuningData fineTuningData;
    private AdapterRegistry domainRegistry;
    private StrategyResult domainAdapter;

    public ApproachFactory(Bench bench, Workload workload) {
        this.bench = bench;
        this.workload = workload;
    }

    /** Whether the approach can run here: adapter approaches need the embedded model's weights. */
    public boolean applicable(ApproachSpec spec) {
        return !(spec.kind().needsWeights() && bench.llm().isPresent());
    }

    public Approach create(ApproachSpec spec) {
        RunConfig config = bench.config();
        return switch (spec.kind()) {
            case NONE -> new NoneApproach(spec.wireName(), bench.answerModel());
            case FULL_CONTEXT -> new FullContextApproach(bench.answerModel(), bench.tokens());
            case MEMORY -> memoryApproach(spec.wireName(), bench.answerModel());
            case GLOBAL_LORA, VARIANT_LORA -> new SharedLoraApproach(spec.wireName(),
                    spec.kind() == ApproachKind.GLOBAL_LORA ? StrategyKind.GLOBAL : StrategyKind.PER_VARIANT,
                    new AdapterRegistry(bench.baseModel()), fineTuningData(), bench.embedder(),
                    adapterTraining("shared-" + spec.wireName(), config.adapters().sharedEpochs()), config.adapters().variants(),
                    MAX_POOLED_EXAMPLES,
                    workload::trainingPrefix);
            case USER_LORA -> new UserLoraApproach(spec.wireName(), new AdapterRegistry(bench.baseModel()), fineTuningData(),
                    new Lineage(extractor(), bench.embedder()), bench.embedder(), adapterTraining("user-lora", config.adapters().epochs()),
                    ascent(config),
                    spec.cadence().orElse(Cadence.parse(config.adapters().cadence())),
                    spec.reversal().orElse(ReversalMethod.RETRAIN), spec.merged(), config.adapters().maxExamplesPerUser());
            case COMBINED -> combined(spec);
        };
    }

    /** The memory layer as the memory approach configures it: offline extractor, the workload's slots, a replay clock. */
    private MemoryApproach memoryApproach(String name, org.adaptbench.harness.model.AnswerModel model) {
        return memoryApproach(name, model, ScoreWeights.DEFAULTS);
    }

    /** The memory approach with other retrieval score weights (what each score term buys). */
    public MemoryApproach memoryApproach(String name, ScoreWeights weights) {
        return memoryApproach(name, bench.answerModel(), weights);
    }

    private MemoryApproach memoryApproach(String name, org.adaptbench.harness.model.AnswerModel model, ScoreWeights weights) {
        ManualClock clock = new ManualClock(Instant.EPOCH);
        PersonalMemory memory = PersonalMemory.builder()
                .embedder(bench.embedder())
                .slots(slots())
                .extractor(extractor())
                .scoreWeights(weights)
                .clock(clock)
                .contextMemories(bench.config().memory().topK())
                .build();
        return new MemoryApproach(name, memory, clock, model, bench.config().memory().tokenBudget());
    }

    /**
     * Memory served by the base model with the shared domain adapter (trained with injected memories
     * on users who are never evaluated), or, for "combined/adapter-only", that adapter alone.
     */
    private Approach combined(ApproachSpec spec) {
        AdapterRegistry registry = domainRegistry();
        var model = new EmbeddedAnswerModel(registry.scorer(Optional.of(SharedAdapterStrategy.DOMAIN_ADAPTER)), bench.embedder());
        if (spec.adapterOnly()) {
            return new NoneApproach(spec.wireName(), model);
        }
        return memoryApproach(spec.wireName(), model);
    }

    /** Trains the domain adapter once per workload: the domain users' queries, asked with the memories a memory layer retrieves. */
    private synchronized AdapterRegistry domainRegistry() {
        if (domainRegistry != null) {
            return domainRegistry;
        }
        List<LabelledExample> examples = new ArrayList<>();
        try (MemoryApproach memory = memoryApproach("domain-data", bench.answerModel())) {
            for (UserData user : workload.domainUsers()) {
                Replay.run(recordingContext(memory, examples), user, query -> true, (u, q, r) -> { });
            }
        }
        domainRegistry = new AdapterRegistry(bench.baseModel());
        if (examples.isEmpty()) {
            return domainRegistry;
        }
        AdapterTrainingConfig training = adapterTraining("domain", bench.config().adapters().sharedEpochs());
        domainAdapter = StrategyKind.DOMAIN_WITH_CONTEXT.create(training.withTraining(training.training().withContextUse(ContextUse.AS_GIVEN)), 1)
                .fit(domainRegistry, List.of(new org.adaptbench.finetune.strategy.UserData("domain", PreferenceProfile.key("domain"), examples)));
        return domainRegistry;
    }

    /** The domain adapter's training report, once it exists. */
    public Optional<StrategyResult> domainAdapter() {
        return Optional.ofNullable(domainAdapter);
    }

    /** Wraps a memory approach so each answered query also yields a training example with the injected memories. */
    private org.adaptbench.harness.approach.Approach recordingContext(MemoryApproach memory, List<LabelledExample> sink) {
        return new org.adaptbench.harness.approach.Approach() {
            @Override
            public String name() {
                return memory.name();
            }

            @Override
            public org.adaptbench.harness.approach.Effort learn(String userId, org.adaptbench.datasets.model.Turn turn) {
                return memory.learn(userId, turn);
            }

            @Override
            public org.adaptbench.harness.approach.Effort forget(String userId, org.adaptbench.harness.approach.DeletionRequest request) {
                return memory.forget(userId, request);
            }

            @Override
            public org.adaptbench.harness.approach.Response answer(String userId, org.adaptbench.datasets.model.Query query) {
                List<String> items = memory.memory().buildContext(userId, MemoryApproach.recallQuery(query), bench.config().memory().tokenBudget())
                        .memories().stream().map(hit -> hit.memory().text()).toList();
                var prompt = EmbeddedAnswerModel.vectors(new Prompt(query.question(), query.options(), items, ""), bench.embedder());
                sink.add(LabelledExample.hard(prompt, query.correctIndex()));
                return memory.answer(userId, query);
            }

            @Override
            public long bytesStored(String userId) {
                return memory.bytesStored(userId);
            }
        };
    }

    private synchronized FineTuningData fineTuningData() {
        if (fineTuningData == null) {
            fineTuningData = new FineTuningData(bench.baseModel(), bench.embedder(), workload.probes(),
                    bench.config().adapters().distillationMinKl(), new Lineage(extractor(), bench.embedder()), slotClassifier());
        }
        return fineTuningData;
    }

    /**
     * The preference extractor both memory and the fine-tuning pipeline's deletion handling use: the
     * offline one, or the run's LLM with the offline one as its fallback (memory.extractor=llm).
     */
    public PreferenceExtractor extractor() {
        PreferenceExtractor offline = new PatternPreferenceExtractor(slotClassifier());
        if (bench.config().memory().llmExtractor()) {
            return new LlmPreferenceExtractor(bench.extractorChat(), slotClassifier(), offline);
        }
        return offline;
    }

    private SlotClassifier slotClassifier() {
        return new SlotClassifier(bench.embedder(), slots(), SlotClassifier.DEFAULT_MIN_SIMILARITY);
    }

    /** The workload's preference dimensions as the memory layer's slots; open when it has none (PrefEval, imports). */
    private SlotCatalogue slots() {
        return workload.catalogue().map(SlotCatalogues::fromDimensions).orElse(SlotCatalogue.open());
    }

    private static AscentConfig ascent(RunConfig config) {
        AscentConfig defaults = AscentConfig.defaults(Seeds.derive(config.seed(), "ascent"));
        return new AscentConfig(config.reversibility().gradientAscentSteps(), defaults.batchSize(), defaults.learningRate(),
                defaults.retainWeight(), defaults.seed(), defaults.contextUse());
    }

    /** Adapter training as configured; shared adapters see far more examples, so they take fewer epochs over them. */
    private AdapterTrainingConfig adapterTraining(String purpose, int epochs) {
        RunConfig.Adapters section = bench.config().adapters();
        LoraConfig lora = new LoraConfig(section.rank(), section.alpha(), LoraConfig.defaults().targets());
        TrainingConfig training = new TrainingConfig(epochs, 16, section.learningRate(),
                Seeds.derive(bench.config().seed(), "adapter/" + purpose), ContextUse.EMPTY);
        return new AdapterTrainingConfig(lora, training);
    }

    public void close() {
        if (domainRegistry != null) {
            domainRegistry.close();
        }
    }
}
