package org.adaptbench.finetune.strategy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.TrainedAdapter;

/**
 * One adapter shared by every user, trained on all users' examples pooled: the {@code global}
 * adapter (context left empty) or the {@code domain} adapter of the "combined" approach (trained
 * WITH the context, so that it improves how the base model uses injected memory; served with memory).
 */
public final class SharedAdapterStrategy implements AdapterStrategy {

    public static final String GLOBAL_ADAPTER = "global";
    public static final String DOMAIN_ADAPTER = "domain";

    private final StrategyKind kind;
    private final String adapter;
    private final AdapterTrainingConfig config;

    private SharedAdapterStrategy(StrategyKind kind, String adapter, AdapterTrainingConfig config, ContextUse contextUse) {
        this.kind = kind;
        this.adapter = adapter;
        this.config = config.withTraining(config.training().withContextUse(contextUse));
    }

    public static SharedAdapterStrategy global(AdapterTrainingConfig config) {
        return new SharedAdapterStrategy(StrategyKind.GLOBAL, GLOBAL_ADAPTER, config, ContextUse.EMPTY);
    }

    public static SharedAdapterStrategy domain(AdapterTrainingConfig config) {
        return new SharedAdapterStrategy(StrategyKind.DOMAIN_WITH_CONTEXT, DOMAIN_ADAPTER, config, ContextUse.AS_GIVEN);
    }

    @Override
    public StrategyResult fit(AdapterRegistry registry, List<UserData> users) {
        List<UserData> trainable = PooledTraining.withExamples(users);
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("no user has any example: nothing to train the " + adapter + " adapter on");
        }
        TrainedAdapter trained = PooledTraining.train(registry, adapter, trainable, config);
        Map<String, String> assignment = new TreeMap<>();
        users.forEach(user -> assignment.put(user.userId(), adapter));
        return new StrategyResult(kind, assignment, List.of(trained.report()));
    }
}
