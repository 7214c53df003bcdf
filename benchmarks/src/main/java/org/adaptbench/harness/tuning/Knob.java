package org.adaptbench.harness.tuning;

import java.util.List;

/**
 * One tuned value of {@code suites.json}: its dotted path, its side, and the values the search draws
 * from. Every value {@link org.adaptbench.harness.config.RunConfig} exposes for the tuned approaches is
 * here; each range brackets the quick suite's value (by two to four times each way, ten times up for the
 * learning rate), which {@code TuningSearchTest} checks.
 */
public enum Knob {
    RANK(Side.LORA, "adapters.rank", "2", "4", "8", "16"),
    ALPHA(Side.LORA, "adapters.alpha", "4.0", "8.0", "16.0", "32.0"),
    LEARNING_RATE(Side.LORA, "adapters.learning_rate", "0.003", "0.01", "0.03", "0.1"),
    /** Per-user adapters' epochs. */
    EPOCHS(Side.LORA, "adapters.epochs", "10", "20", "40"),
    /** Shared (global and per-variant) adapters' epochs. */
    SHARED_EPOCHS(Side.LORA, "adapters.shared_epochs", "1", "2", "4", "8"),
    VARIANTS(Side.LORA, "adapters.variants", "4", "8", "12"),
    DISTILLATION_PROBES(Side.LORA, "adapters.distillation_probes", "8", "24", "48"),
    DISTILLATION_MIN_KL(Side.LORA, "adapters.distillation_min_kl", "0.01", "0.05", "0.2"),
    TOP_K(Side.MEMORY, "memory.top_k", "1", "2", "3", "5", "8"),
    TOKEN_BUDGET(Side.MEMORY, "memory.token_budget", "64", "128", "256", "512");

    private final Side side;
    private final String path;
    private final List<String> candidates;

    Knob(Side side, String path, String... candidates) {
        this.side = side;
        this.path = path;
        this.candidates = List.of(candidates);
    }

    public Side side() {
        return side;
    }

    /** The dotted path in {@code suites.json}, as {@code --set} takes it. */
    public String path() {
        return path;
    }

    /** The values the search draws from, as JSON text. */
    public List<String> candidates() {
        return candidates;
    }
}
