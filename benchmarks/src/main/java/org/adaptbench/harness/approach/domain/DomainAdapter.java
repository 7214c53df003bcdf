package org.adaptbench.harness.approach.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptbench.datasets.model.Query;
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
 * The shared domain adapter and how it is trained. The workload's domain users (never evaluated;
 * their own questions and wording) answer their queries, and each query becomes a training example
 * labelled with its right option: supervised fine-tuning for the shared domain. With memories
 * ({@link Recipe#WITH_MEMORIES}, the combined approach's adapter) each example carries the memories
 * the memory approach injected into that request, so the adapter also learns to read injected
 * memories; without ({@link Recipe#WITHOUT_MEMORIES}, {@code domain-lora}) the same examples have an
 * empty context. Same examples, same seed, same training otherwise: the recipes differ only in the
 * memories. Each is trained once per workload, on first use.
 */
public final class DomainAdapter implements AutoCloseable {

    /** Whether the domain adapter is trained, and served, with injected memories. */
    public enum Recipe {
        WITH_MEMORIES, WITHOUT_MEMORIES
    }

    private final AdapterRegistry registry;
    private final Optional<StrategyResult> trained;
    private final int users;

    private DomainAdapter(AdapterRegistry registry, Optional<StrategyResult> trained, int users) {
        this.registry = registry;
        this.trained = trained;
        this.users = users;
    }

    /** The workload's domain adapter of {@code recipe}, trained the first time any approach asks for it. */
    public static DomainAdapter of(ApproachContext context, Recipe recipe) {
        return context.shared(key(recipe), DomainAdapter.class, () -> train(context, recipe));
    }

    /** The workload's domain adapter of {@code recipe} if an approach has already had it trained (a resumed run may never need it). */
    public static Optional<DomainAdapter> ifTrained(ApproachContext context, Recipe recipe) {
        return context.sharedIfBuilt(key(recipe), DomainAdapter.class);
    }

    /** Why the workload cannot train a domain adapter (no user outside the evaluation with a multiple-choice query), if it cannot. */
    public static Optional<String> unavailable(ApproachContext context) {
        boolean trainable = context.workload().domainUsers().stream().anyMatch(user -> user.queries().stream().anyMatch(Query::isMultipleChoice));
        return trainable ? Optional.empty() : Optional.of("to data set " + context.workload().name() + ": no user outside the"
                + " evaluation has a multiple-choice query to train the domain adapter on");
    }

    private static String key(Recipe recipe) {
        return DomainAdapter.class.getName() + "/" + recipe;
    }

    private static DomainAdapter train(ApproachContext context, Recipe recipe) {
        List<LabelledExample> examples = recipe == Recipe.WITH_MEMORIES ? withMemories(context) : withoutMemories(context);
        AdapterRegistry registry = new AdapterRegistry(context.bench().baseModel());
        int users = context.workload().domainUsers().size();
        if (examples.isEmpty()) {
            return new DomainAdapter(registry, Optional.empty(), users);
        }
        AdapterTrainingConfig training = FineTuningSetup.training(context, "domain", context.config().adapters().sharedEpochs());
        StrategyResult result = StrategyKind.DOMAIN_WITH_CONTEXT
                .create(training.withTraining(training.training().withContextUse(ContextUse.AS_GIVEN)), 1)
                .fit(registry, List.of(new org.adaptbench.finetune.strategy.UserData("domain", PreferenceProfile.key("domain"), examples)));
        return new DomainAdapter(registry, Optional.of(result), users);
    }

    /** Each domain query with the memories its request was given: replayed through the memory approach. */
    private static List<LabelledExample> withMemories(ApproachContext context) {
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
        return examples;
    }

    /** The same domain queries, in the same order, with an empty context. */
    private static List<LabelledExample> withoutMemories(ApproachContext context) {
        List<LabelledExample> examples = new ArrayList<>();
        var embedder = context.bench().embedder();
        for (UserData user : context.workload().domainUsers()) {
            user.queries().stream().filter(Query::isMultipleChoice)
                    .sorted(java.util.Comparator.comparingInt(Query::visibleTurns))
                    .forEach(query -> examples.add(LabelledExample.hard(
                            EmbeddedAnswerModel.vectors(Prompt.withoutContext(query.question(), query.options()), embedder),
                            query.correctIndex())));
        }
        return examples;
    }

    /** The base model with the domain adapter (the base model alone when the workload had nothing to train it on). */
    public EmbeddedAnswerModel model(ApproachContext context) {
        return new EmbeddedAnswerModel(registry.scorer(Optional.of(SharedAdapterStrategy.DOMAIN_ADAPTER)), context.bench().embedder());
    }

    /** The training report, when there was data to train on. */
    public Optional<StrategyResult> trained() {
        return trained;
    }

    /** How many domain users the adapter was trained on. */
    public int users() {
        return users;
    }

    @Override
    public void close() {
        registry.close();
    }
}
