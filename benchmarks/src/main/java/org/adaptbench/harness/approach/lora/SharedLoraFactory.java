package org.adaptbench.harness.approach.lora;

import java.util.Optional;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.strategy.StrategyKind;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.ApproachFactory;
import org.adaptbench.harness.approach.Variant;

/**
 * Builds an adapter shared by many users: one for everyone ({@link StrategyKind#GLOBAL}) or one per
 * preference variant ({@link StrategyKind#PER_VARIANT}).
 *
 * @param strategy who shares an adapter
 */
public record SharedLoraFactory(StrategyKind strategy) implements ApproachFactory {

    /** Shared adapters learn what users stated by distilling it onto probe questions; without any they have nothing to learn from. */
    @Override
    public Optional<String> unavailable(ApproachContext context) {
        return context.workload().probes().isEmpty()
                ? Optional.of("to data set " + context.workload().name() + ": it has no probe questions to distil stated preferences"
                        + " onto (none of its users is left out of the evaluation to provide them)")
                : Optional.empty();
    }

    @Override
    public SharedLoraApproach create(Variant variant, ApproachContext context) {
        return new SharedLoraApproach(variant.wireName(), strategy, new AdapterRegistry(context.bench().baseModel()),
                FineTuningSetup.data(context), context.bench().embedder(),
                FineTuningSetup.training(context, "shared-" + variant.wireName(), context.config().adapters().sharedEpochs()),
                context.config().adapters().variants(), FineTuningSetup.MAX_POOLED_EXAMPLES, context.workload()::trainingPrefix);
    }
}
