package org.adaptbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.adaptbench.datasets.prefeval.PrefEvalLocation;
import org.adaptbench.harness.approach.registry.ApproachKind;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.llm.LlmSettings;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.run.RunPlan;
import org.adaptbench.harness.run.Runner;
import org.adaptbench.harness.run.SeedSweep;
import org.adaptbench.harness.scenario.ScenarioKind;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adaptbench run}: every approach on the same users, every scenario, one results directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a benchmark suite and write results.json, samples.jsonl and report/.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--suite", defaultValue = "quick", description = "smoke, quick or full (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--dataset", description = "synthetic, prefeval, locomo, or a PATH to a PrefEval-layout or generic JSONL folder or a LoCoMo file or folder "
            + "(default: the suite's, synthetic and prefeval).")
    String dataset;

    @Option(names = "--approaches", split = ",", completionCandidates = ApproachNames.class,
            description = "Subset of: ${COMPLETION-CANDIDATES}.")
    List<String> approaches;

    @Option(names = "--scenarios", split = ",", completionCandidates = ScenarioNames.class,
            description = "Subset of: ${COMPLETION-CANDIDATES}.")
    List<String> scenarios;

    /** The approach registry's names, for the help text. */
    static final class ApproachNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ApproachKind.wireNames().iterator();
        }
    }

    /** The scenario registry's names, for the help text. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ScenarioKind.wireNames().iterator();
        }
    }

    @Option(names = "--seed", description = "Master seed (overrides the suite's).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override any value of the suites file, e.g. --set evaluation.users=20.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--out", description = "Results directory (default: runs/<suite>-<time>; with --resume, the newest runs/<suite>-*).")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted run in --out from its finished cells.")
    boolean resume;

    @Option(names = "--llm", description = "Answer with a remote LLM: openai or ollama (adapter approaches become not applicable).")
    String llm;

    @Option(names = "--model", description = "The LLM's model name (with --llm).")
    String model;

    @Option(names = "--base-url", description = "The LLM endpoint, ending in /v1 (with --llm).")
    String baseUrl;

    @Option(names = "--seeds", paramLabel = "N", description = "Run the suite N times, with the master seed and the N-1 seeds after"
            + " it, each into --out/seed-<seed>/, and summarize how the figures and verdicts move between seeds (seeds.md).")
    Integer seeds;

    @Override
    public Integer call() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (seed != null) {
            overrides.put("seed", Long.toString(seed));
        }
        if (dataset != null) {
            overrides.put("datasets", jsonList(List.of(dataset)));
        }
        if (approaches != null) {
            overrides.put("approaches", jsonList(approaches));
        }
        if (scenarios != null) {
            overrides.put("scenarios", jsonList(scenarios));
        }
        if (llm == null && (model != null || baseUrl != null)) {
            throw new UsageException("--model and --base-url go with --llm");
        }
        if (seeds != null && (seeds < 2 || seeds > MAX_SEEDS)) {
            throw new UsageException("--seeds must be 2.." + MAX_SEEDS + ", was " + seeds);
        }
        List<String> notes = new ArrayList<>();
        var tree = resolve(overrides, notes);
        notes.forEach(note -> System.err.println("adaptbench: warning: " + note));
        RunPlan plan = RunPlan.of(tree);
        RunConfig config = plan.config();
        Optional<LlmSettings> llmSettings = llm == null ? Optional.empty()
                : Optional.of(LlmSettings.of(llm, model, baseUrl, System.getenv()));
        if (llm == null && config.memory().llmExtractor()) {
            throw new UsageException("memory.extractor=llm extracts preferences with the run's LLM: add --llm");
        }
        llmSettings.ifPresent(settings -> settings.checkReachable(java.time.Duration.ofSeconds(5)));
        if (seeds == null) {
            Path dir = resume ? resumeDirectory() : out != null ? out : defaultDirectory("");
            runOne(plan, dir, llmSettings, notes);
            return ExitCode.OK;
        }
        if (resume && out == null) {
            throw new UsageException("--resume with --seeds needs the sweep's --out");
        }
        // every seed's configuration is resolved, its data loaded and its folder checked before the first run
        // starts: bad input fails before anything is written
        Path root = out != null ? out : defaultDirectory("seeds-");
        Map<Long, RunPlan> plans = new java.util.LinkedHashMap<>();
        for (int i = 0; i < seeds; i++) {
            long next = config.seed() + i;
            overrides.put("seed", Long.toString(next));
            plans.put(next, RunPlan.of(resolve(overrides, new ArrayList<>())));
        }
        SeedSweep.run(plans, root, resume, (plan1, dir) -> runOne(plan1, dir, llmSettings, notes));
        System.out.println("seeds: " + root.resolve(SeedSweep.SUMMARY_MARKDOWN));
        return ExitCode.OK;
    }

    static final int MAX_SEEDS = 20;

    /** The suite with the overrides, without PrefEval (and a note saying so) when its folder is missing. */
    private com.fasterxml.jackson.databind.node.ObjectNode resolve(Map<String, String> overrides, List<String> notes) {
        Map<String, String> effective = new LinkedHashMap<>(overrides);
        var tree = ConfigResolver.bundled().resolve(suite, effective);
        RunConfig bound = RunConfig.of(tree);
        if (dataset == null && !effective.containsKey("datasets") && !prefEvalAvailable(bound)) {
            // the suite asks for PrefEval by default; without the shared folder the run goes on without it, and says so
            notes.add("PrefEval was not found (looked for ../shared/datasets/prefeval, -D" + PrefEvalLocation.PROPERTY
                    + " and prefeval.path): this run measures the synthetic world only.");
            effective.put("datasets", jsonList(bound.datasets().stream()
                    .filter(name -> !name.equals(Workloads.PREFEVAL)).toList()));
            tree = ConfigResolver.bundled().resolve(suite, effective);
        }
        return tree;
    }

    /** One run of one configuration into {@code dir} (resumed from its cells with --resume when it has begun). */
    private Results runOne(RunPlan planned, Path dir, Optional<LlmSettings> llmSettings, List<String> notes) {
        RunConfig config = planned.config();
        boolean begun = Files.exists(dir.resolve(RunDirectory.RUN_FILE));
        Results results;
        long start = System.nanoTime();
        try (RunDirectory directory = resume && (seeds == null || begun)
                ? RunDirectory.resume(dir, planned.identity()) : RunDirectory.create(dir, planned.identity())) {
            Progress progress = Progress.forEnvironment(System.err);
            progress.log("adaptbench run: suite " + suite + ", seed " + config.seed() + ", writing " + dir);
            try (Bench bench = Bench.open(config, llmSettings, progress)) {
                results = new Runner(planned, directory, bench, notes).run();
                // issue 16.1: each distinct text is embedded once per run; the log says how often that held
                progress.log("embeddings: " + bench.embedder().stats().describe());
            }
        }
        System.out.println(headline(results));
        System.out.printf(Locale.US, "results: %s  (report: %s, %.0f s)%n", dir.resolve("results.json"),
                dir.resolve("report").resolve("index.html"), (System.nanoTime() - start) / 1e9);
        return results;
    }

    private static boolean prefEvalAvailable(RunConfig config) {
        return !config.datasets().contains(Workloads.PREFEVAL) || !config.prefeval().path().isBlank()
                || PrefEvalLocation.find().isPresent();
    }

    private Path defaultDirectory(String kind) {
        return Path.of("runs", suite + "-" + kind + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.US)));
    }

    private Path resumeDirectory() {
        if (out != null) {
            return out;
        }
        Path runs = Path.of("runs");
        if (Files.isDirectory(runs)) {
            try (Stream<Path> list = Files.list(runs)) {
                Optional<Path> newest = list.filter(p -> p.getFileName().toString().startsWith(suite + "-"))
                        .filter(p -> Files.exists(p.resolve(RunDirectory.RUN_FILE))).max(Path::compareTo);
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        throw new UsageException("--resume: no earlier " + suite + " run under runs/; give --out");
    }

    /** The headline table: accuracy (with CI and n) and tokens per request of each approach, per granularity key. */
    static String headline(Results results) {
        StringBuilder text = new StringBuilder();
        var synthetic = results.config().path("synthetic");
        if (!synthetic.isMissingNode()) {
            // the world's dynamics decide how much adapting and forgetting there is to do: say them beside every headline
            text.append(String.format(Locale.US, "%nsynthetic world dynamics: change rate %s, deletion rate %s per preference event"
                    + " (the world's own defaults are 0.05 and 0.03; see docs/datasets.md)%n",
                    synthetic.path("change_rate").asText(), synthetic.path("deletion_rate").asText()));
        }
        results.scenarios().forEach((scenario, byApproach) -> {
            if (!scenario.startsWith("granularity")) {
                return;
            }
            text.append(String.format(Locale.US, "%n%s%n%-24s %-26s %-14s %s%n", scenario, "approach", "accuracy [95% CI]", "n users",
                    "tokens/request"));
            byApproach.forEach((approach, metrics) -> {
                MetricValue accuracy = metrics.get(MetricNames.ACCURACY);
                if (accuracy == null) {
                    return;
                }
                MetricValue tokens = metrics.get(MetricNames.TOKENS_PER_REQUEST);
                text.append(String.format(Locale.US, "%-24s %.3f [%.3f, %.3f]    %-14d %s%n", approach, accuracy.value(),
                        accuracy.ciLow(), accuracy.ciHigh(), accuracy.n(),
                        tokens == null ? "" : String.format(Locale.US, "%.0f", tokens.value())));
            });
        });
        return text.toString();
    }

    /** A JSON array of strings, as {@code --set} takes values. */
    private static String jsonList(List<String> values) {
        var array = ResultsIo.mapper().createArrayNode();
        values.forEach(value -> array.add(value.trim()));
        return array.toString();
    }
}
