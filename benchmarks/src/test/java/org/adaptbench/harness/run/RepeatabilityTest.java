package org.adaptbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.adaptbench.datasets.prefeval.PrefEvalLocation;
import org.adaptbench.harness.approach.registry.ApproachKind;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.scenario.ScenarioKind;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.EnvironmentNames;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import org.adaptbench.reports.results.ScenarioKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed and machine, same JVM: the same figures. Every approach and every scenario runs twice on a
 * tiny configuration, each run with a bench of its own as two {@code adaptbench run} calls in one JVM
 * have (the first trains the base model, the second loads it from the cache), and the two must agree
 * exactly on every figure that does not measure time: each metric's value, interval and n, every
 * series point, every distribution, and the option each sample chose. The first computes one cell at a
 * time, the second three at once (more than the machine's cores, so cells interleave), so the
 * comparison also shows that running cells at once changes no figure.
 */
class RepeatabilityTest {

    @TempDir
    static Path dir;

    @Test
    void twoRunsInOneJvmGiveIdenticalFigures() {
        Results first = run(dir.resolve("first"), 1);
        Results second = run(dir.resolve("second"), 3);

        Map<String, String> a = RunFigures.of(first);
        Map<String, String> b = RunFigures.of(second);
        assertCoversEveryApproachAndScenario(first);
        List<String> differ = RunFigures.differences(a, b);
        assertTrue(differ.isEmpty(), differ.size() + " of " + a.size() + " figures differ between two identical runs:\n"
                + String.join("\n", differ.subList(0, Math.min(40, differ.size()))));
        assertEquals(RunFigures.choices(ResultsIo.readSamples(dir.resolve("first"))), RunFigures.choices(ResultsIo.readSamples(dir.resolve("second"))),
                "the samples' choices differ");

        assertEquals("1", first.environment().get(EnvironmentNames.PARALLEL_CELLS));
        assertEquals("3", second.environment().get(EnvironmentNames.PARALLEL_CELLS));
        assertEquals("trained in this run", first.environment().get(EnvironmentNames.BASE_MODEL_SOURCE));
        assertTrue(second.environment().get(EnvironmentNames.BASE_MODEL_SOURCE).startsWith("loaded from cache"));
        assertEquals(first.environment().get(EnvironmentNames.BASE_MODEL_SHA256), second.environment().get(EnvironmentNames.BASE_MODEL_SHA256));
    }

    /** Every approach kind and every scenario left a figure, so agreement is not agreement on nothing. */
    private static void assertCoversEveryApproachAndScenario(Results results) {
        TreeSet<String> scenarios = new TreeSet<>();
        TreeSet<String> approaches = new TreeSet<>();
        results.scenarios().forEach((key, byApproach) -> {
            scenarios.add(ScenarioKey.parse(key).base());
            byApproach.keySet().forEach(approach -> approaches.add(ApproachNames.base(approach).replace("-merged", "")));
        });
        for (ScenarioKind kind : ScenarioKind.values()) {
            if (kind == ScenarioKind.CONTEXT_LENGTH && PrefEvalLocation.find().isEmpty()) {
                continue; // measured on PrefEval only
            }
            assertTrue(scenarios.contains(kind.wireName()), "no figures of " + kind.wireName() + ": " + scenarios);
        }
        for (String approach : ApproachKind.wireNames()) {
            assertTrue(approaches.contains(approach), "no figures of " + approach + ": " + approaches);
        }
    }

    /**
     * A run of every approach and scenario on the tiny configuration, with a bench of its own, into
     * {@code out}, computing {@code cellsAtOnce} cells at a time.
     */
    static Results run(Path out, int cellsAtOnce) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("parallel_cells", Integer.toString(cellsAtOnce));
        overrides.put("datasets", PrefEvalLocation.find().isPresent() ? "[\"synthetic\",\"prefeval\"]" : "[\"synthetic\"]");
        overrides.put("cache_dir", dir.resolve("cache").toString());
        overrides.put("synthetic.users", "16");
        overrides.put("synthetic.events_per_user", "24");
        overrides.put("pretraining.examples", "400");
        overrides.put("pretraining.epochs", "2");
        overrides.put("adapters.epochs", "2");
        overrides.put("adapters.variants", "2");
        overrides.put("adapters.distillation_probes", "12");
        overrides.put("adapters.distillation_min_kl", "0.0");
        overrides.put("adapters.domain_users", "3");
        overrides.put("evaluation.users", "4");
        overrides.put("reversibility.users", "2");
        overrides.put("reversibility.gradient_ascent_steps", "2");
        overrides.put("data_size.users", "2");
        overrides.put("data_size.events", "[5,10]");
        overrides.put("prefeval.filler_turns", "[0,10]");
        overrides.put("bootstrap.resamples", "100");
        var tree = ConfigResolver.bundled().resolve("smoke", overrides);
        RunPlan plan = RunPlan.of(tree);
        try (Bench bench = new Bench(plan.config(), new HashingEmbedder(384), Optional.empty(), Progress.silent())) {
            return new Runner(plan, RunDirectory.create(out, plan.identity()), bench, List.of()).run();
        }
    }
}
