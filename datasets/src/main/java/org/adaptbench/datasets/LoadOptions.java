package org.adaptbench.datasets;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.adaptbench.datasets.prefeval.PrefEvalOptions;
import org.adaptbench.datasets.synthetic.SyntheticConfig;

/**
 * What {@link DatasetLoader} needs besides the source name.
 *
 * @param synthetic the world generated for the source {@code synthetic}
 * @param prefEval how PrefEval-layout folders are loaded (seed, filler, filters)
 * @param prefEvalRoot where {@code prefeval} lives; empty ⇒ {@link org.adaptbench.datasets.prefeval.PrefEvalLocation#find()}
 */
public record LoadOptions(SyntheticConfig synthetic, PrefEvalOptions prefEval, Optional<Path> prefEvalRoot) {

    public LoadOptions {
        Objects.requireNonNull(synthetic, "synthetic");
        Objects.requireNonNull(prefEval, "prefEval");
        Objects.requireNonNull(prefEvalRoot, "prefEvalRoot");
    }

    /** Default synthetic world and PrefEval options, both seeded with {@code seed}. */
    public static LoadOptions defaults(long seed) {
        return new LoadOptions(SyntheticConfig.defaults(seed), PrefEvalOptions.defaults(seed), Optional.empty());
    }

    public LoadOptions withSynthetic(SyntheticConfig config) {
        return new LoadOptions(config, prefEval, prefEvalRoot);
    }

    public LoadOptions withPrefEval(PrefEvalOptions options) {
        return new LoadOptions(synthetic, options, prefEvalRoot);
    }

    public LoadOptions withPrefEvalRoot(Path root) {
        return new LoadOptions(synthetic, prefEval, Optional.of(root));
    }
}
