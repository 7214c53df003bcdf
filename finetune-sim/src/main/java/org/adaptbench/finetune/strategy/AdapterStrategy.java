package org.adaptbench.finetune.strategy;

import java.util.List;
import org.adaptbench.finetune.adapter.AdapterRegistry;

/** A way of turning users' examples into adapters: one for all, one per variant, or a shared domain adapter. */
public interface AdapterStrategy {

    /** Trains this strategy's adapters into {@code registry} (replacing same-named ones) and says which user gets which. */
    StrategyResult fit(AdapterRegistry registry, List<UserData> users);
}
