package org.adaptbench.harness.extraction;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.adaptbench.datasets.DatasetLoader;
import org.adaptbench.datasets.LoadOptions;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.datasets.synthetic.DimensionCatalogue;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.datasets.synthetic.WorldRole;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.run.RunPlan;
import org.adaptbench.harness.run.Runner;
import org.adaptbench.harness.scenario.ScenarioKind;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.extract.OfflinePreferenceExtractor;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotClassifier;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;

/**
 * The granularity scenario (every approach's per-user accuracy beside the oracle context) and the
 * extraction audit on a world the CLI does not run: the <b>validation</b> world (pre-training
 * wording, users and questions of its own: where the extractor's thresholds and the fine-tuning
 * curation mode are chosen) or the extractor's own <b>held-out</b> set
 * ({@code src/test/resources/.../extraction/heldout}: written by hand before the extractor was
 * reworked, never tuned on; report only). Minutes of work, so a command and not part of {@code mvn verify}:
 *
 * <pre>
 * mvn -B -q -DskipTests package     # refreshes benchmarks/target/lib with the modules' jars
 * java -cp "benchmarks/target/test-classes:benchmarks/target/classes:benchmarks/target/lib/*" \
 *     org.adaptbench.harness.extraction.ExtractionCheck validation|heldout OUT [suite=quick] [path=value ...]
 * </pre>
 *
 * Any {@code path=value} overrides the suite's config as {@code --set} does, its value in JSON (e.g.
 * {@code adapters.curation='"raw"'}). Figures: docs/memory-layer.md (held-out) and
 * docs/approaches-and-scenarios.md (validation, both curations).
 */
public final class ExtractionCheck {

    /** The approaches measured: the memory arm, its references and every fine-tuning arm that needs no domain world. */
    static final List<String> APPROACHES = List.of("none", "full-context", "memory", "global-lora", "variant-lora", "user-lora");
    /**
     * On the held-out set, every user is evaluated from the first turn (no training prefix), so the
     * shared adapters, which train on the users' training prefixes, have nothing to learn from.
     */
    static final List<String> HELD_OUT_APPROACHES = List.of("none", "full-context", "memory", "user-lora");

    private ExtractionCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !(args[0].equals("validation") || args[0].equals("heldout"))) {
            System.err.println("usage: ExtractionCheck validation|heldout OUT [suite=quick] [path=value ...]");
            System.exit(2);
        }
        String suite = "quick";
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> approaches = args[0].equals("validation") ? APPROACHES : HELD_OUT_APPROACHES;
        overrides.put("approaches", "[" + String.join(",", approaches.stream().map(a -> "\"" + a + "\"").toList()) + "]");
        overrides.put("scenarios", "[\"granularity\"]");
        overrides.put("datasets", "[\"synthetic\"]");
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected path=value, got " + args[i]);
            }
            if (args[i].startsWith("suite=")) {
                suite = args[i].substring(eq + 1);
            } else {
                overrides.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
        }
        ObjectNode tree = ConfigResolver.bundled().resolve(suite, overrides);
        RunConfig config = RunConfig.of(tree);
        Workload workload = args[0].equals("validation") ? validation(config) : heldOut(config);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.getParent() == null ? Path.of(".") : out.getParent());
        RunPlan plan = new RunPlan(tree, config, config.approaches().stream().map(ApproachSpec::parse).toList(),
                List.of(ScenarioKind.GRANULARITY), List.of(workload), List.of());
        Bench bench = Bench.open(config, Optional.empty(), Progress.forEnvironment(System.err));
        Results results = new Runner(plan, RunDirectory.create(out, plan.identity()), bench, List.of()).run();
        System.out.print(accuracies(results, args[0]));
        System.out.print(audit(bench, workload).table("extraction audit, " + args[0] + " (" + workload.dataset().users().size() + " users)"));
    }

    /** The validation world at the run's size and rates: pre-training wording, its own users and question pools. */
    static Workload validation(RunConfig config) {
        SyntheticConfig worldConfig = Workloads.worldConfig(config).toBuilder().role(WorldRole.VALIDATION)
                .seed(Seeds.derive(config.seed(), "validation-world")).build();
        SyntheticWorld world = SyntheticWorld.generate(worldConfig);
        List<UserData> users = world.dataset().users();
        int evaluated = config.evaluation().users() <= 0 ? users.size() : Math.min(users.size(), config.evaluation().users());
        return new Workload("validation", world.dataset(), users.subList(0, evaluated), config.evaluation().trainFraction(), List.of(),
                probes(config), Optional.of(world.catalogue()));
    }

    /** The extractor's own held-out set, on the synthetic world's six dimensions, every user evaluated. */
    static Workload heldOut(RunConfig config) throws Exception {
        Path folder = Path.of(ExtractionCheck.class.getResource("heldout/turns.jsonl").toURI()).getParent();
        Dataset dataset = DatasetLoader.load(folder.toString(), LoadOptions.defaults(config.seed()));
        return new Workload("heldout", dataset, dataset.users(), 0.0, List.of(), probes(config), Optional.of(DimensionCatalogue.standard()));
    }

    /** The synthetic workload's distillation probes: pre-training questions, never an evaluated one. */
    private static List<Workload.Probe> probes(RunConfig config) {
        return Workloads.synthetic(config).probes();
    }

    private static ExtractionAudit audit(Bench bench, Workload workload) {
        DimensionCatalogue dimensions = workload.catalogue().orElseThrow();
        SlotCatalogue slots = SlotCatalogues.fromDimensions(dimensions);
        OfflinePreferenceExtractor extractor = new OfflinePreferenceExtractor(
                new SlotClassifier(bench.embedder(), slots, SlotClassifier.DEFAULT_MIN_SIMILARITY));
        return ExtractionAudit.run(workload.dataset(), dimensions, bench.embedder(), extractor,
                (recording, clock) -> PersonalMemory.builder().embedder(bench.embedder()).slots(slots).extractor(recording).clock(clock).build(),
                0);
    }

    /** Every approach's accuracy with its interval, sorted by name. */
    static String accuracies(Results results, String world) {
        StringBuilder out = new StringBuilder(String.format(Locale.US, "granularity on the %s world (accuracy, 95%% interval)%n", world));
        Map<String, MetricValue> rows = new java.util.TreeMap<>();
        results.scenarios().getOrDefault(org.adaptbench.reports.results.ScenarioNames.GRANULARITY, Map.of()).forEach((approach, metrics) -> {
            MetricValue accuracy = metrics.get(org.adaptbench.reports.results.MetricNames.ACCURACY);
            if (accuracy != null) {
                rows.put(approach, accuracy);
            }
        });
        List<String> lines = new ArrayList<>();
        rows.forEach((approach, value) -> lines.add(String.format(Locale.US, "  %-40s %.3f  [%.3f, %.3f]  n=%d items=%d", approach,
                value.value(), value.ciLow(), value.ciHigh(), value.n(), value.items())));
        out.append(String.join("\n", lines)).append('\n');
        return out.toString();
    }
}
