package org.adaptbench.finetune.strategy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.TrainedAdapter;

/**
 * The "combined" approach's adapter: one shared domain adapter trained WITH the examples' context,
 * so that it improves how the base model uses injected memory on this domain. Served with memory.
 */
public final class DomainAdapterStrategy implements AdapterStrategy {

    public static final String ADAPTER = "domain";

    private final AdapterTrainingConfig config;

    public DomainAdapterStrategy(AdapterTrainingConfig config) {
        this.config = config.withTraining(config.training().withContextUse(ContextUse.AS_GIVEN));
    }

    @Override
    public StrategyResult fit(AdapterRegistry registry, List<UserData> users) {
        List<UserData> trainable = PooledTraining.withExamples(users);
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("no user has any example: nothing to train the domain adapter on");
        }
        TrainedAdapter trained = PooledTraining.train(registry, ADAPTER, trainable, config);
        Map<String, String> assignment = new TreeMap<>();
        users.forEach(user -> assignment.put(user.userId(), ADAPTER));
        return new StrategyResult(StrategyKind.DOMAIN_WITH_CONTEXT, assignment, List.of(trained.report()));
    }
}
