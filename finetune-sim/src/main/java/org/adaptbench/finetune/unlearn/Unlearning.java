package org.adaptbench.finetune.unlearn;

import java.util.List;
import java.util.Optional;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.UnmergeMode;
import org.adaptbench.finetune.adapter.UnmergeReport;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.train.AdapterTrainer;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.AscentConfig;
import org.adaptbench.finetune.train.TrainedAdapter;

/**
 * Reverts a deleted preference on an adapter of a registry, by {@link UnlearningMethod}.
 *
 * <p>Merged adapters: the adapter is first unmerged with {@link UnmergeMode#RESTORE} (exact: the
 * pre-merge base weights were kept; the subtraction's fp32 round-trip error is still reported), then
 * acted on as an unmerged adapter, then merged again for retrain and ascent. Acting on the merged
 * weights directly would mean a gradient step on every base weight, which cannot later be undone
 * for one user alone; the adapter is the unit of reversal here.
 */
public final class Unlearning {

    private final AdapterRegistry registry;

    public Unlearning(AdapterRegistry registry) {
        this.registry = registry;
    }

    /** (a) Detaches the adapter: its users fall back to the base model. */
    public UnlearningReport detach(String adapter) {
        registry.adapter(adapter);
        long start = System.nanoTime();
        Optional<UnmergeReport> unmerge = unmergeIfMerged(adapter);
        registry.detach(adapter);
        return new UnlearningReport(UnlearningMethod.DETACH, adapter, System.nanoTime() - start, 0, 0, unmerge);
    }

    /** (b) Retrains the adapter from scratch on {@code retained} (its data minus the deleted examples) and swaps it in. */
    public UnlearningReport retrain(String adapter, List<LabelledExample> retained, AdapterTrainingConfig config) {
        registry.adapter(adapter);
        if (retained.isEmpty()) {
            throw new IllegalArgumentException("nothing left to retrain adapter " + adapter + " on; detach or delete it instead");
        }
        long start = System.nanoTime();
        Optional<UnmergeReport> unmerge = unmergeIfMerged(adapter);
        TrainedAdapter trained = AdapterTrainer.train(registry.base(), adapter, retained, config);
        registry.replace(trained.adapter());
        if (unmerge.isPresent()) {
            registry.merge(adapter);
        }
        return new UnlearningReport(UnlearningMethod.RETRAIN, adapter, System.nanoTime() - start, trained.report().steps(),
                trained.report().estimatedFlops(), unmerge);
    }

    /** (c) Gradient ascent on {@code forget}, with a retain-set term on {@code retain} when it is non-empty. */
    public UnlearningReport gradientAscent(String adapter, List<LabelledExample> forget, List<LabelledExample> retain, AscentConfig config) {
        registry.adapter(adapter);
        long start = System.nanoTime();
        Optional<UnmergeReport> unmerge = unmergeIfMerged(adapter);
        TrainedAdapter trained = AdapterTrainer.ascend(registry.base(), registry.adapter(adapter), forget, retain, config);
        registry.replace(trained.adapter());
        if (unmerge.isPresent()) {
            registry.merge(adapter);
        }
        return new UnlearningReport(UnlearningMethod.GRADIENT_ASCENT, adapter, System.nanoTime() - start, trained.report().steps(),
                trained.report().estimatedFlops(), unmerge);
    }

    private Optional<UnmergeReport> unmergeIfMerged(String adapter) {
        if (registry.mergedAdapter().filter(adapter::equals).isPresent()) {
            return Optional.of(registry.unmerge(UnmergeMode.RESTORE));
        }
        return Optional.empty();
    }
}
