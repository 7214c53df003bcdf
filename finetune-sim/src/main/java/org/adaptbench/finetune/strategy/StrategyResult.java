package org.adaptbench.finetune.strategy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.adaptbench.finetune.train.TrainingReport;

/**
 * What a strategy trained: which adapter serves each user, and what each training run cost.
 *
 * @param kind the strategy
 * @param adapterByUser adapter name per user id, sorted; users without any example have none (they get the base model)
 * @param reports one report per trained adapter, in training order
 */
public record StrategyResult(StrategyKind kind, Map<String, String> adapterByUser, List<TrainingReport> reports) {

    public StrategyResult {
        adapterByUser = Collections.unmodifiableMap(new TreeMap<>(adapterByUser));
        reports = List.copyOf(reports);
    }

    public Optional<String> adapterFor(String userId) {
        return Optional.ofNullable(adapterByUser.get(userId));
    }

    public int adapters() {
        return reports.size();
    }

    public long totalWallNanos() {
        return reports.stream().mapToLong(TrainingReport::wallNanos).sum();
    }

    public long totalSteps() {
        return reports.stream().mapToLong(TrainingReport::steps).sum();
    }

    public long totalExamples() {
        return reports.stream().mapToLong(TrainingReport::examples).sum();
    }

    public long totalTrainableParameters() {
        return reports.stream().mapToLong(TrainingReport::trainableParameters).sum();
    }

    public double totalEstimatedFlops() {
        return reports.stream().mapToDouble(TrainingReport::estimatedFlops).sum();
    }
}
