package org.adaptbench.harness.approach.lora;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.strategy.PreferenceProfile;
import org.adaptbench.finetune.strategy.StrategyKind;
import org.adaptbench.finetune.strategy.StrategyResult;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.DeletionRequest;
import org.adaptbench.harness.approach.Effort;
import org.adaptbench.harness.approach.Response;
import org.adaptbench.harness.model.Decision;
import org.adaptbench.harness.model.EmbeddedAnswerModel;
import org.adaptbench.harness.model.Prompt;
import org.adaptbench.personalization.embed.Embedder;

/**
 * Adapters shared by many users, trained once on every user's training prefix: one global adapter,
 * or one per preference variant (users clustered by the preference profile their data distils to).
 * They adapt per model, not per user: nothing a user says after training changes them.
 */
public final class SharedLoraApproach implements Approach {

    private final String name;
    private final StrategyKind strategy;
    private final AdapterRegistry registry;
    private final FineTuningData data;
    private final Embedder embedder;
    private final AdapterTrainingConfig training;
    private final int variants;
    private final int maxPooledExamples;
    private final ToIntFunction<UserData> trainingPrefix;
    private final Map<String, Integer> prefixByUser = new HashMap<>();
    private StrategyResult fitted;
    private final Map<String, Long> bytesByAdapter = new HashMap<>();
    private final Map<String, Integer> usersByAdapter = new HashMap<>();

    /**
     * @param strategy {@link StrategyKind#GLOBAL} or {@link StrategyKind#PER_VARIANT}
     * @param trainingPrefix how many leading turns of a user are training data
     */
    public SharedLoraApproach(String name, StrategyKind strategy, AdapterRegistry registry, FineTuningData data,
            Embedder embedder, AdapterTrainingConfig training, int variants, int maxPooledExamples,
            ToIntFunction<UserData> trainingPrefix) {
        if (strategy != StrategyKind.GLOBAL && strategy != StrategyKind.PER_VARIANT) {
            throw new IllegalArgumentException("shared adapters are global or per variant, not " + strategy);
        }
        this.name = name;
        this.strategy = strategy;
        this.registry = registry;
        this.data = data;
        this.embedder = embedder;
        this.training = training;
        this.variants = variants;
        this.maxPooledExamples = maxPooledExamples;
        this.trainingPrefix = trainingPrefix;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Effort prepare(List<UserData> population) {
        int perUser = Math.max(1, maxPooledExamples / Math.max(1, population.size()));
        List<org.adaptbench.finetune.strategy.UserData> users = new ArrayList<>();
        for (UserData user : population) {
            int prefix = trainingPrefix.applyAsInt(user);
            prefixByUser.put(user.userId(), prefix);
            List<Turn> turns = user.history().subList(0, prefix);
            List<LabelledExample> examples = data.examples(user.userId(), turns, Set.of(), perUser);
            users.add(new org.adaptbench.finetune.strategy.UserData(user.userId(),
                    PreferenceProfile.vector(data.profile(user.userId(), turns)), examples));
        }
        fitted = strategy.create(training, variants).fit(registry, users);
        fitted.adapterByUser().values().forEach(adapter -> usersByAdapter.merge(adapter, 1, Integer::sum));
        for (String adapter : usersByAdapter.keySet()) {
            bytesByAdapter.put(adapter, registry.adapter(adapter).payloadBytes());
        }
        long steps = fitted.totalSteps();
        return new Effort(fitted.totalWallNanos(), steps, fitted.totalEstimatedFlops(), java.util.OptionalLong.empty());
    }

    /** Shared adapters are trained in batch; a user's later turns do not reach them. */
    @Override
    public Effort learn(String userId, Turn turn) {
        return Effort.NONE;
    }

    /** A shared adapter cannot forget one user's preference short of retraining it for everyone. */
    @Override
    public Effort forget(String userId, DeletionRequest request) {
        return Effort.NONE;
    }

    @Override
    public Response answer(String userId, Query query) {
        long start = System.nanoTime();
        Integer prefix = prefixByUser.get(userId);
        if (prefix != null && query.visibleTurns() < prefix) {
            throw new IllegalStateException(name + " was trained on " + prefix + " turns of " + userId
                    + " but query " + query.queryId() + " may only see " + query.visibleTurns());
        }
        Optional<String> adapter = fitted == null ? Optional.empty() : fitted.adapterFor(userId);
        Decision decision = new EmbeddedAnswerModel(registry.scorer(adapter), embedder)
                .decide(Prompt.withoutContext(query.question(), query.options()));
        return new Response(decision, 0, System.nanoTime() - start);
    }

    /** The user's share of the adapter that serves them. */
    @Override
    public long bytesStored(String userId) {
        if (fitted == null) {
            return 0;
        }
        return fitted.adapterFor(userId).map(adapter -> bytesByAdapter.get(adapter) / usersByAdapter.get(adapter)).orElse(0L);
    }

    @Override
    public void close() {
        registry.close();
    }
}
