package org.adaptbench.finetune.strategy;

import org.adaptbench.finetune.train.AdapterTrainingConfig;

/** The pooled adapter strategies; each constant creates its strategy. */
public enum StrategyKind {
    /** One adapter on every user's data, trained without context. */
    GLOBAL,
    /** One adapter per preference variant (users grouped by profile key, or by seeded k-means on profile vectors). */
    PER_VARIANT,
    /** One shared domain adapter trained with the context, to be used together with memory. */
    DOMAIN_WITH_CONTEXT;

    /**
     * The strategy with {@code config}; {@code variants} is the number of k-means clusters for
     * {@link #PER_VARIANT} with vector profiles (ignored otherwise).
     */
    public AdapterStrategy create(AdapterTrainingConfig config, int variants) {
        return switch (this) {
            case GLOBAL -> SharedAdapterStrategy.global(config);
            case PER_VARIANT -> new VariantAdapterStrategy(config, variants);
            case DOMAIN_WITH_CONTEXT -> SharedAdapterStrategy.domain(config);
        };
    }
}
