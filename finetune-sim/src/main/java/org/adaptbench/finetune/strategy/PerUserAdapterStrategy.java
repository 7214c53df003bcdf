package org.adaptbench.finetune.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.TrainedAdapter;
import org.adaptbench.finetune.train.TrainingReport;

/** One adapter per user ("One PEFT Per User"), {@code user-<id>}, on that user's examples without context. */
public final class PerUserAdapterStrategy implements AdapterStrategy {

    private final AdapterTrainingConfig config;

    public PerUserAdapterStrategy(AdapterTrainingConfig config) {
        this.config = config.withTraining(config.training().withContextUse(ContextUse.EMPTY));
    }

    /** The adapter name of {@code userId}. */
    public static String adapterName(String userId) {
        return AdapterNames.of("user-", userId);
    }

    @Override
    public StrategyResult fit(AdapterRegistry registry, List<UserData> users) {
        Map<String, String> assignment = new TreeMap<>();
        List<TrainingReport> reports = new ArrayList<>();
        for (UserData user : PooledTraining.withExamples(users)) {
            String name = adapterName(user.userId());
            TrainedAdapter trained = PooledTraining.train(registry, name, List.of(user), config);
            assignment.put(user.userId(), name);
            reports.add(trained.report());
        }
        return new StrategyResult(StrategyKind.PER_USER, assignment, reports);
    }
}
