package org.adaptbench.finetune.strategy;

import org.adaptbench.finetune.train.AdapterTrainingConfig;

/** The adapter strategies, named as the harness's approaches; each constant creates its strategy. */
public enum StrategyKind {
    /** One adapter on every user's data, trained without context. */
    GLOBAL("global-lora"),
    /** One adapter per preference variant (users grouped by profile key, or by seeded k-means on profile vectors). */
    PER_VARIANT("variant-lora"),
    /** One adapter per user ("One PEFT Per User"). */
    PER_USER("user-lora"),
    /** One shared domain adapter trained with the context, to be used together with memory. */
    DOMAIN_WITH_CONTEXT("combined");

    private final String approach;

    StrategyKind(String approach) {
        this.approach = approach;
    }

    /** The harness approach this strategy implements. */
    public String approach() {
        return approach;
    }

    /**
     * The strategy with {@code config}; {@code variants} is the number of k-means clusters for
     * {@link #PER_VARIANT} with vector profiles (ignored otherwise).
     */
    public AdapterStrategy create(AdapterTrainingConfig config, int variants) {
        return switch (this) {
            case GLOBAL -> SharedAdapterStrategy.global(config);
            case PER_VARIANT -> new VariantAdapterStrategy(config, variants);
            case PER_USER -> new PerUserAdapterStrategy(config);
            case DOMAIN_WITH_CONTEXT -> SharedAdapterStrategy.domain(config);
        };
    }
}
