package org.adaptbench.finetune.strategy;

import java.util.ArrayList;
import java.util.List;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.train.AdapterTrainer;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.TrainedAdapter;

/** Trains one adapter on the pooled examples of a group of users and puts it in the registry. */
final class PooledTraining {

    private PooledTraining() {
    }

    static TrainedAdapter train(AdapterRegistry registry, String name, List<UserData> users, AdapterTrainingConfig config) {
        List<LabelledExample> pooled = new ArrayList<>();
        users.forEach(user -> pooled.addAll(user.examples()));
        if (registry.mergedAdapter().isPresent()) {
            throw new IllegalStateException("cannot train adapter " + name + " while adapter " + registry.mergedAdapter().get()
                    + " is merged into the base; unmerge it first");
        }
        TrainedAdapter trained = AdapterTrainer.train(registry.base(), name, pooled, config);
        registry.put(trained.adapter());
        return trained;
    }

    static List<UserData> withExamples(List<UserData> users) {
        return users.stream().filter(user -> !user.examples().isEmpty()).toList();
    }
}
