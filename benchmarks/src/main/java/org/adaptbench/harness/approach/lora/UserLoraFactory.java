package org.adaptbench.harness.approach.lora;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.ApproachFactory;
import org.adaptbench.harness.approach.Sweep;
import org.adaptbench.harness.approach.Variant;
import org.adaptbench.harness.extraction.SharedExtraction;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.reports.results.ApproachNames;

/**
 * Builds one adapter per user. Its conditions: a retraining cadence ({@code user-lora/nightly},
 * {@code user-lora/every-10}; the run's {@code adapters.cadence} when none is named), or a reversal
 * method ({@code user-lora/retrain}, {@code user-lora-merged/gradient-ascent}), which the
 * reversibility scenario measures with adapters trained on demand just before the deletion.
 */
public final class UserLoraFactory implements ApproachFactory {

    public static final UserLoraFactory INSTANCE = new UserLoraFactory();

    private UserLoraFactory() {
    }

    @Override
    public UserLoraApproach create(Variant variant, ApproachContext context) {
        Optional<ReversalMethod> reversal = ReversalMethod.parse(variant.condition());
        Cadence cadence = reversal.isPresent() ? Cadence.MANUAL
                : Cadence.parse(variant.condition().isEmpty() ? context.config().adapters().cadence() : variant.condition());
        // a merged variant writes adapters into the base weights while it serves: on a copy of its own, so that
        // cells running at the same time keep reading the base model unchanged
        AdapterRegistry registry = variant.merged() ? AdapterRegistry.overCopyOf(context.bench().baseModel())
                : new AdapterRegistry(context.bench().baseModel());
        return new UserLoraApproach(variant.wireName(), registry,
                FineTuningSetup.data(context), SharedExtraction.of(context).lineage(), context.bench().embedder(),
                FineTuningSetup.training(context, ApproachNames.USER_LORA, context.config().adapters().epochs()), FineTuningSetup.ascent(context),
                cadence, reversal.orElse(ReversalMethod.RETRAIN), variant.merged(), context.config().adapters().maxExamplesPerUser());
    }

    @Override
    public boolean accepts(String condition) {
        if (condition.isEmpty() || ReversalMethod.parse(condition).isPresent()) {
            return true;
        }
        try {
            Cadence.parse(condition);
            return true;
        } catch (UsageException e) {
            return false;
        }
    }

    @Override
    public List<Variant> variants(Sweep sweep, Variant plain, ApproachContext context) {
        List<Variant> variants = new ArrayList<>();
        switch (sweep) {
            case ADAPTATION -> {
                // the configured default cadence is the approach's plain name, so its replay is the one every scenario shares
                Cadence standard = Cadence.parse(context.config().adapters().cadence());
                for (String name : context.config().adapters().cadences()) {
                    Cadence cadence = Cadence.parse(name);
                    Variant variant = cadence.equals(standard) ? plain : new Variant(plain.approach(), cadence.wireName(), false);
                    if (!variants.contains(variant)) {
                        variants.add(variant);
                    }
                }
                if (!variants.contains(plain)) {
                    variants.add(0, plain);
                }
            }
            case REVERSIBILITY -> {
                for (boolean merged : new boolean[] {false, true}) {
                    for (ReversalMethod method : ReversalMethod.values()) {
                        variants.add(new Variant(plain.approach(), method.wireName(), merged));
                    }
                }
            }
            default -> variants.add(plain);
        }
        return variants;
    }
}
