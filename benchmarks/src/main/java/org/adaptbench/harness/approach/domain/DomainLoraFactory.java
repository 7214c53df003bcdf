package org.adaptbench.harness.approach.domain;

import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.ApproachFactory;
import org.adaptbench.harness.approach.Variant;
import org.adaptbench.harness.approach.basic.NoneApproach;

/**
 * Builds {@code domain-lora}: fine-tuning for the shared domain alone, the domain adapter trained
 * without memories and served without them; it answers every user alike.
 */
public final class DomainLoraFactory implements ApproachFactory {

    public static final DomainLoraFactory INSTANCE = new DomainLoraFactory();

    private DomainLoraFactory() {
    }

    @Override
    public Approach create(Variant variant, ApproachContext context) {
        return new NoneApproach(variant.wireName(), DomainAdapter.of(context, DomainAdapter.Recipe.WITHOUT_MEMORIES).model(context));
    }

    /** Like combined, it needs users outside the evaluation to train the domain adapter on. */
    @Override
    public java.util.Optional<String> unavailable(ApproachContext context) {
        return DomainAdapter.unavailable(context);
    }
}
