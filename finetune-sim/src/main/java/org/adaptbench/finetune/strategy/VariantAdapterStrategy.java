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

/**
 * One adapter per preference variant, trained without context on the pooled examples of its users.
 * Users are grouped by profile key ({@code variant-<key>}), or, with vector profiles, clustered by
 * seeded k-means into at most {@code variants} groups ({@code variant-<cluster>}).
 */
public final class VariantAdapterStrategy implements AdapterStrategy {

    private final AdapterTrainingConfig config;
    private final int variants;

    public VariantAdapterStrategy(AdapterTrainingConfig config, int variants) {
        if (variants < 1) {
            throw new IllegalArgumentException("need at least 1 variant, got " + variants);
        }
        this.config = config.withTraining(config.training().withContextUse(ContextUse.EMPTY));
        this.variants = variants;
    }

    /** The variant name of each user (keys as given, clusters as their index), sorted by user id. */
    public Map<String, String> variantsOf(List<UserData> users) {
        Map<String, String> variantByUser = new TreeMap<>();
        if (users.isEmpty()) {
            return variantByUser;
        }
        boolean keys = users.get(0).profile() instanceof PreferenceProfile.Key;
        for (UserData user : users) {
            if ((user.profile() instanceof PreferenceProfile.Key) != keys) {
                throw new IllegalArgumentException("user " + user.userId() + " has a " + (keys ? "vector" : "key")
                        + " profile while others have " + (keys ? "keys" : "vectors") + ": use one kind for all");
            }
        }
        if (keys) {
            users.forEach(user -> variantByUser.put(user.userId(), ((PreferenceProfile.Key) user.profile()).key()));
            return variantByUser;
        }
        List<double[]> points = new ArrayList<>();
        users.forEach(user -> points.add(((PreferenceProfile.Vector) user.profile()).values()));
        int[] clusters = KMeans.cluster(points, variants, config.training().seed());
        for (int i = 0; i < users.size(); i++) {
            variantByUser.put(users.get(i).userId(), Integer.toString(clusters[i]));
        }
        return variantByUser;
    }

    @Override
    public StrategyResult fit(AdapterRegistry registry, List<UserData> users) {
        List<UserData> trainable = PooledTraining.withExamples(users);
        Map<String, String> variantByUser = variantsOf(trainable);
        Map<String, List<UserData>> groups = new TreeMap<>();
        for (UserData user : trainable) {
            groups.computeIfAbsent(variantByUser.get(user.userId()), key -> new ArrayList<>()).add(user);
        }
        Map<String, String> assignment = new TreeMap<>();
        List<TrainingReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<UserData>> group : groups.entrySet()) {
            String name = AdapterNames.variant(group.getKey());
            TrainedAdapter trained = PooledTraining.train(registry, name, group.getValue(), config);
            group.getValue().forEach(user -> assignment.put(user.userId(), name));
            reports.add(trained.report());
        }
        return new StrategyResult(StrategyKind.PER_VARIANT, assignment, reports);
    }
}
