package org.adaptbench.harness.approach.combined;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.strategy.PreferenceProfile;
import org.adaptbench.finetune.strategy.SharedAdapterStrategy;
import org.adaptbench.finetune.strategy.StrategyKind;
import org.adaptbench.finetune.strategy.StrategyResult;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.lora.FineTuningSetup;
import org.adaptbench.harness.approach.memory.MemoryApproach;
import org.adaptbench.harness.approach.memory.MemoryFactory;
import org.adaptbench.harness.model.EmbeddedAnswerModel;
import org.adaptbench.harness.model.Prompt;
import org.adaptbench.harness.replay.Replay;
import org.adaptbench.personalization.score.ScoreWeights;

/**
 * The shared domain adapter and how it is trained: the workload's domain users (never evaluated)
 * are replayed through the memory approach, and every query they answer becomes a training example
 * with the memories that request was given, so the adapter learns to read injected memories.
 * Trained once per workload, on first use.
 */
public final class DomainAdapter implements AutoCloseable {

    private final AdapterRegistry registry;
    private final Optional<StrategyResult> trained;

    private DomainAdapter(AdapterRegistry registry, Optional<StrategyResult> trained) {
        this.registry = registry;
        this.trained = trained;
    }

    /** The workload's domain adapter, trained the first time any approach asks for it. */
    public static DomainAdapter of(ApproachContext context) {
        return context.shared(DomainAdapter.class.getName(), DomainAdapter.class, () -> train(context));
    }

    /** The workload's domain adapter if an approach has already had it trained (a resumed run may never need it). */
    public static Optional<DomainAdapter> ifTrained(ApproachContext context) {
        return context.sharedIfBuilt(DomainAdapter.class.getName(), DomainAdapter.class);
    }

    private static DomainAdapter train(ApproachContext context) {
        List<LabelledExample> examples = new ArrayList<>();
        var embedder = context.bench().embedder();
        MemoryApproach.ContextListener record = (userId, query, memories) -> examples.add(LabelledExample.hard(
                EmbeddedAnswerModel.vectors(new Prompt(query.question(), query.options(), memories, ""), embedder),
                query.correctIndex()));
        try (MemoryApproach memory = MemoryFactory.build(context, "domain-data", context.bench().answerModel(),
                ScoreWeights.DEFAULTS, record)) {
            for (UserData user : context.workload().domainUsers()) {
                Replay.of(user).play(memory, new Replay.Listener() { });
            }
        }
        AdapterRegistry registry = new AdapterRegistry(context.bench().baseModel());
        if (examples.isEmpty()) {
            return new DomainAdapter(registry, Optional.empty());
        }
        AdapterTrainingConfig training = FineTuningSetup.training(context, "domain", context.config().adapters().sharedEpochs());
        StrategyResult result = StrategyKind.DOMAIN_WITH_CONTEXT
                .create(training.withTraining(training.training().withContextUse(ContextUse.AS_GIVEN)), 1)
                .fit(registry, List.of(new org.adaptbench.finetune.strategy.UserData("domain", PreferenceProfile.key("domain"), examples)));
        return new DomainAdapter(registry, Optional.of(result));
    }

    /** The base model with the domain adapter (the base model alone when the workload had nothing to train it on). */
    public EmbeddedAnswerModel model(ApproachContext context) {
        return new EmbeddedAnswerModel(registry.scorer(Optional.of(SharedAdapterStrategy.DOMAIN_ADAPTER)), context.bench().embedder());
    }

    /** The training report, when there was data to train on. */
    public Optional<StrategyResult> trained() {
        return trained;
    }

    @Override
    public void close() {
        registry.close();
    }
}
