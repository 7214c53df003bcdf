package org.adaptbench.harness.approach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.harness.model.Decision;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.adaptbench.personalization.embed.Vectors;

/**
 * One tiny synthetic workload and bench for the approach contract tests, built once per JVM: a hashing
 * embedder (no model download), a base model pre-trained for seconds, and a fake answer model for the
 * approaches that need no weights.
 */
public final class ContractFixture {

    private static ContractFixture shared;

    final Path root;
    public final RunConfig config;
    public final Workload workload;

    private ContractFixture() {
        try {
            root = Files.createTempDirectory("approach-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("datasets", "[\"synthetic\"]");
        overrides.put("cache_dir", root.resolve("cache").toString());
        overrides.put("synthetic.users", "16");
        overrides.put("synthetic.events_per_user", "24");
        overrides.put("pretraining.examples", "400");
        overrides.put("pretraining.epochs", "2");
        overrides.put("adapters.epochs", "2");
        overrides.put("adapters.distillation_probes", "24");
        // the base model pre-trains for seconds, so a statement moves its answers only a little: keep every distilled target
        overrides.put("adapters.distillation_min_kl", "0.0");
        overrides.put("adapters.domain_users", "3");
        overrides.put("adapters.cadence", "every-event");
        overrides.put("evaluation.users", "4");
        config = RunConfig.of(ConfigResolver.bundled().resolve("smoke", overrides));
        workload = Workloads.load(config, Workloads.SYNTHETIC);
    }

    public static synchronized ContractFixture get() {
        if (shared == null) {
            shared = new ContractFixture();
        }
        return shared;
    }

    /** A fresh bench and approach context: nothing shared with another one but the base model's cache on disk. */
    public ApproachContext newContext() {
        Bench bench = new Bench(config, new HashingEmbedder(384), Optional.empty(), Progress.silent(), Optional.of(new FakeAnswerModel()));
        Path stores;
        try {
            stores = Files.createTempDirectory(root, "stores");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApproachContext(bench, workload, Optional.of(stores));
    }

    /**
     * Picks the option sharing most words with the injected context (the first on ties), with
     * probabilities from those overlaps: deterministic, instant, and it does use the context.
     */
    static final class FakeAnswerModel implements AnswerModel {

        private final HashingEmbedder embedder = new HashingEmbedder(64);

        @Override
        public Decision decide(org.adaptbench.harness.model.Prompt prompt) {
            List<String> options = prompt.options();
            double[] scores = new double[options.size()];
            double total = 0;
            for (int i = 0; i < options.size(); i++) {
                float[] option = embedder.embed(options.get(i));
                double best = 0;
                for (String item : prompt.contextItems()) {
                    best = Math.max(best, Vectors.cosine(option, embedder.embed(item)));
                }
                scores[i] = 1 + best;
                total += scores[i];
            }
            for (int i = 0; i < scores.length; i++) {
                scores[i] /= total;
            }
            return Decision.argMax(scores);
        }
    }
}
