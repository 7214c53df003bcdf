package org.adaptbench.harness.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachKind;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.scenario.Scenario;
import org.adaptbench.harness.scenario.ScenarioKind;
import org.adaptbench.harness.scenario.ScenarioOutput;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.claims.ClaimsTable;
import org.adaptbench.reports.render.ReportWriter;
import org.adaptbench.reports.results.ApproachInfo;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Series;

/**
 * Runs the configured scenarios on the configured data sets and writes the run directory:
 * {@code results.json}, {@code samples.jsonl} and {@code report/}.
 *
 * <p>Scenario keys are the scenario's name for the run's first data set and {@code name@dataset}
 * for the others, so a run over one data set has plain, stable keys.
 */
public final class Runner {

    /** Folder of the run directory that holds the memory approaches' durable stores while they are open. */
    public static final String STORES = "stores";

    /** How many of the costliest cells the run log names. */
    private static final int COSTLIEST_CELLS = 25;

    private final RunPlan plan;
    private final RunConfig config;
    private final RunDirectory directory;
    private final Bench bench;
    private final List<Workload> workloads;
    private final List<String> startNotes;
    /** Taken when the run starts: the checkout may move on while a long run works. */
    private final String gitSha = gitSha();

    /**
     * @param plan the run's configuration and data sets, checked and loaded before the run directory was made
     * @param startNotes what the results must say about how the run was set up (a data set left out, ...)
     */
    public Runner(RunPlan plan, RunDirectory directory, Bench bench, List<String> startNotes) {
        this.plan = plan;
        this.config = plan.config();
        this.directory = directory;
        this.bench = bench;
        this.workloads = plan.workloads();
        this.startNotes = List.copyOf(startNotes);
    }

    /** Runs everything and returns the results written. */
    public Results run() {
        Map<String, Map<String, Map<String, MetricValue>>> scenarios = new TreeMap<>();
        Map<String, Map<String, Series>> series = new TreeMap<>();
        Map<String, Map<String, Map<String, List<Double>>>> distributions = new TreeMap<>();
        List<String> notes = new ArrayList<>(startNotes);
        notes.addAll(plan.notes());
        List<Sample> samples = new ArrayList<>();
        Map<String, String> datasetHashes = new TreeMap<>();
        for (Workload workload : workloads) {
            datasetHashes.put(workload.name(), workload.dataset().contentHash());
            bench.progress().log(String.format(java.util.Locale.US, "data set %s: %d users, %d evaluated, %d queries",
                    workload.name(), workload.dataset().users().size(), workload.evaluated().size(), workload.dataset().queryCount()));
        }
        Optional<Path> stores = config.memory().durable() ? Optional.of(directory.path().resolve(STORES)) : Optional.empty();
        try (RunContext context = new RunContext(bench, directory, plan.approaches(), stores)) {
            for (Workload workload : workloads) {
                for (var spec : plan.approaches()) {
                    context.unavailable(spec, workload).map(reason -> spec.wireName() + " is not applicable " + reason + "; not measured.")
                            .filter(note -> !notes.contains(note)).ifPresent(notes::add);
                }
            }
            computeCells(context);
            for (ScenarioKind kind : plan.scenarios()) {
                Scenario scenario = kind.create();
                boolean measured = false;
                for (int i = 0; i < workloads.size(); i++) {
                    Workload workload = workloads.get(i);
                    if (!scenario.appliesTo(context, workload)) {
                        continue;
                    }
                    String key = i == 0 ? kind.wireName() : kind.wireName() + "@" + workload.name();
                    bench.progress().log("scenario " + key);
                    long start = System.nanoTime();
                    ScenarioOutput output = scenario.run(context, workload, key);
                    bench.progress().log(String.format(java.util.Locale.US, "scenario %s done in %.1f s", key,
                            (System.nanoTime() - start) / 1e9));
                    scenarios.put(key, new TreeMap<>(output.metrics()));
                    if (!output.series().isEmpty()) {
                        series.put(key, new TreeMap<>(output.series()));
                    }
                    if (!output.distributions().isEmpty()) {
                        distributions.put(key, new TreeMap<>(output.distributions()));
                    }
                    output.notes().forEach(note -> notes.add(key + ": " + note));
                    samples.addAll(output.samples());
                    measured = true;
                }
                if (!measured) {
                    notes.add(kind.wireName() + ": no data set of this run has anything to measure.");
                }
            }
        }
        stores.ifPresent(Runner::removeIfEmpty);
        if (bench.llm().isPresent() && bench.unparsedLlmReplies() > 0) {
            notes.add("the LLM named no valid option in " + bench.unparsedLlmReplies() + " replies; they count as wrong.");
        }
        Results results = new Results(Results.CURRENT_SCHEMA_VERSION, runId(), config.tree(), gitSha, datasetHashes,
                environment(), List.of(), scenarios, series, distributions, notes);
        results = results.withApproaches(approachInfo());
        results = results.withClaims(ClaimsTable.compute(results));
        ResultsIo.writeSamples(directory.path(), samples);
        ResultsIo.write(directory.path(), results);
        ReportWriter.write(results, directory.path().resolve(ReportWriter.DEFAULT_DIR));
        return results;
    }

    /**
     * Computes every scenario's costly cells at once, in scenario order, before any scenario
     * summarises: with one queue for the whole run, no core idles while a scenario's last cell runs.
     */
    private void computeCells(RunContext context) {
        List<Runnable> cells = new ArrayList<>();
        for (ScenarioKind kind : plan.scenarios()) {
            Scenario scenario = kind.create();
            for (Workload workload : workloads) {
                if (scenario.appliesTo(context, workload)) {
                    cells.addAll(scenario.cells(context, workload));
                }
            }
        }
        long start = System.nanoTime();
        bench.progress().log(String.format(java.util.Locale.US, "cells: %d to compute or read, %d at a time", cells.size(),
                config.cellsAtOnce()));
        context.prefetch(cells);
        bench.progress().log(String.format(java.util.Locale.US, "cells: done in %.1f s, %.1f s of it spent by threads waiting for a"
                + " cell another was computing; the scenarios' times below are their summaries and what they compute alone",
                (System.nanoTime() - start) / 1e9, context.waitedSeconds()));
        List<String> costliest = context.costliestCells(COSTLIEST_CELLS);
        if (!costliest.isEmpty()) {
            bench.progress().log("cells: most CPU time (each with the cells it read first): " + String.join(", ", costliest));
        }
    }

    /** The registry's approaches with their capabilities, in registry order: the report's names and families. */
    static List<ApproachInfo> approachInfo() {
        return java.util.Arrays.stream(ApproachKind.values()).map(kind -> new ApproachInfo(kind.wireName(),
                kind.capabilities().stream().map(Capability::wireName).toList())).toList();
    }

    /** The stores folder goes once every store in it has closed and been deleted (kept stores keep it); the tuning search's too. */
    public static void removeIfEmpty(Path folder) {
        try (var entries = java.nio.file.Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                java.nio.file.Files.delete(folder);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // no memory approach opened a store
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Suite, seed and a short hash of the resolved config: equal for reruns of the same configuration. */
    String runId() {
        String hash = org.adaptbench.datasets.io.ContentHash.sha256Hex(config.tree().toString().getBytes(StandardCharsets.UTF_8));
        return config.suite() + "-seed" + config.seed() + "-" + hash.substring(0, 10);
    }

    /** Versions, machine and numerics facts that explain the numbers (timings depend on them; accuracies only on the platform). */
    Map<String, String> environment() {
        return RunEnvironment.of(bench);
    }

    /**
     * The commit of the working directory's checkout, with "-dirty" when tracked files differ from it
     * (the launcher rebuilds from the working tree), or "unknown".
     */
    public static String gitSha() {
        String head = git("rev-parse", "HEAD");
        if (!head.matches("[0-9a-f]{40}")) {
            return "unknown";
        }
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return changes.isEmpty() || changes.equals("unknown") ? head : head + "-dirty";
    }

    /** Output of a git command, trimmed; "unknown" when git fails or is missing. */
    private static String git(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "unknown";
            }
            return process.exitValue() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
