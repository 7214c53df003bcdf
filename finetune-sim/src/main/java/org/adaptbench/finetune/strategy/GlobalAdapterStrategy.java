package org.adaptbench.finetune.strategy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.TrainedAdapter;

/** One adapter, {@code global}, on every user's examples with the context left empty. */
public final class GlobalAdapterStrategy implements AdapterStrategy {

    public static final String ADAPTER = "global";

    private final AdapterTrainingConfig config;

    public GlobalAdapterStrategy(AdapterTrainingConfig config) {
        this.config = config.withTraining(config.training().withContextUse(ContextUse.EMPTY));
    }

    @Override
    public StrategyResult fit(AdapterRegistry registry, List<UserData> users) {
        List<UserData> trainable = PooledTraining.withExamples(users);
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("no user has any example: nothing to train the global adapter on");
        }
        TrainedAdapter trained = PooledTraining.train(registry, ADAPTER, trainable, config);
        Map<String, String> assignment = new TreeMap<>();
        users.forEach(user -> assignment.put(user.userId(), ADAPTER));
        return new StrategyResult(StrategyKind.GLOBAL, assignment, List.of(trained.report()));
    }
}
