package org.adaptbench.harness.approach.domain;

import java.util.List;
import java.util.Optional;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.ApproachFactory;
import org.adaptbench.harness.approach.Sweep;
import org.adaptbench.harness.approach.Variant;
import org.adaptbench.harness.approach.basic.NoneApproach;
import org.adaptbench.harness.approach.memory.MemoryApproach;
import org.adaptbench.harness.approach.memory.MemoryFactory;
import org.adaptbench.personalization.score.ScoreWeights;
import org.adaptbench.reports.results.ApproachNames;

/**
 * Builds the combined approach: memory answered by the base model with the shared domain adapter;
 * its condition {@code adapter-only} serves that adapter with no memory, one of its parts.
 */
public final class CombinedFactory implements ApproachFactory {

    public static final CombinedFactory INSTANCE = new CombinedFactory();

    private CombinedFactory() {
    }

    @Override
    public Approach create(Variant variant, ApproachContext context) {
        var model = DomainAdapter.of(context, DomainAdapter.Recipe.WITH_MEMORIES).model(context);
        if (variant.condition().equals(ApproachNames.ADAPTER_ONLY)) {
            return new NoneApproach(variant.wireName(), model);
        }
        return MemoryFactory.build(context, variant.wireName(), model, ScoreWeights.DEFAULTS, MemoryApproach.ContextListener.NONE);
    }

    /** The domain adapter trains on the queries of users who are never evaluated; without any there is no adapter. */
    @Override
    public Optional<String> unavailable(ApproachContext context) {
        return DomainAdapter.unavailable(context);
    }

    @Override
    public boolean accepts(String condition) {
        return condition.isEmpty() || condition.equals(ApproachNames.ADAPTER_ONLY);
    }

    @Override
    public List<Variant> variants(Sweep sweep, Variant plain, ApproachContext context) {
        return sweep == Sweep.PARTS ? List.of(plain, new Variant(plain.approach(), ApproachNames.ADAPTER_ONLY, false)) : List.of(plain);
    }
}
