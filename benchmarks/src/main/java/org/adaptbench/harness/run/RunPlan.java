package org.adaptbench.harness.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.lora.Cadence;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CodeVersion;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.scenario.ScenarioKind;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;

/**
 * A run before it starts: its configuration bound (every value range-checked), every approach,
 * scenario and cadence name checked against its registry, every data set loaded (and so validated)
 * under a name unique within the run. Bad input fails here, before anything is written.
 *
 * @param tree the resolved configuration, written verbatim into run.json and results.json
 * @param notes what the results must say about how the plan was made (a data set renamed, fewer users than asked)
 */
public record RunPlan(ObjectNode tree, RunConfig config, List<ApproachSpec> approaches, List<ScenarioKind> scenarios,
        List<Workload> workloads, List<String> notes) {

    /** The names the built-in data sets take; an imported data set never takes them (nor their sweeps' "name/..."). */
    private static final Set<String> BUILT_IN = Set.of(Workloads.SYNTHETIC, Workloads.PREFEVAL);

    public RunPlan {
        approaches = List.copyOf(approaches);
        scenarios = List.copyOf(scenarios);
        workloads = List.copyOf(workloads);
        notes = List.copyOf(notes);
    }

    /** Binds and checks {@code tree} and loads its data sets. */
    public static RunPlan of(ObjectNode tree) {
        RunConfig config = RunConfig.of(tree);
        List<ApproachSpec> approaches = config.approaches().stream().map(ApproachSpec::parse).toList();
        List<String> approachNames = approaches.stream().map(ApproachSpec::wireName).toList();
        if (approachNames.stream().distinct().count() < approachNames.size()) {
            throw new UsageException("approaches = " + config.approaches() + ": an approach is listed twice");
        }
        List<ScenarioKind> scenarios = config.scenarios().stream().map(name -> ScenarioKind.parse(name).orElseThrow(
                () -> new UsageException("unknown scenario '" + name + "'; choose from " + ScenarioKind.allNames()))).toList();
        for (ApproachSpec retriever : approaches.stream().filter(spec -> spec.has(Capability.RETRIEVES)).toList()) {
            for (String ablation : config.retrieval().ablations()) {
                if (!retriever.kind().factory().accepts(ablation)) {
                    throw new UsageException("retrieval.ablations: " + retriever.kind().wireName() + " has no condition '" + ablation + "'");
                }
            }
        }
        checkCadences(config);
        checkCacheDir(config);
        List<String> notes = new ArrayList<>();
        List<Workload> workloads = uniquelyNamed(config, notes);
        for (Workload workload : workloads) {
            int population = workload.evaluated().size();
            if (population < config.evaluation().users()) {
                notes.add(String.format(Locale.US, "evaluation.users is %d but data set %s has %d users to evaluate: all %d are.",
                        config.evaluation().users(), workload.name(), population, population));
            }
        }
        return new RunPlan(tree, config, approaches, scenarios, workloads, notes);
    }

    /** What the run's figures follow from, for its run folder: configuration, data, code. */
    public RunDirectory.Identity identity() {
        Map<String, String> hashes = new TreeMap<>();
        workloads.forEach(workload -> hashes.put(workload.name(), workload.dataset().contentHash()));
        return new RunDirectory.Identity(tree, hashes, CodeVersion.current());
    }

    private static void checkCadences(RunConfig config) {
        parseCadence("adapters.cadence", config.adapters().cadence());
        for (int i = 0; i < config.adapters().cadences().size(); i++) {
            parseCadence("adapters.cadences[" + i + "]", config.adapters().cadences().get(i));
        }
    }

    private static void parseCadence(String path, String text) {
        try {
            Cadence.parse(text);
        } catch (UsageException e) {
            throw new UsageException(path + " = \"" + text + "\" is not allowed: expected every-event, every-N (N at least 1) or nightly");
        }
    }

    /** A configured model cache must be a folder, or a path one can be made at. */
    private static void checkCacheDir(RunConfig config) {
        if (config.cacheDir().isBlank()) {
            return;
        }
        Path dir = Path.of(config.cacheDir());
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("cache_dir = " + dir + " is not allowed: it is a file, and the model cache is a folder");
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new UsageException("cache_dir = " + dir + " is not allowed: no folder can be made there (" + existing + " is a file)");
        }
    }

    /**
     * Every data set loaded, each under a name no other data set of the run has: an imported folder whose
     * own name is taken (by a built-in data set or an earlier folder) is named {@code <name>-<hash8>}; two
     * data sets holding the same data are refused.
     */
    private static List<Workload> uniquelyNamed(RunConfig config, List<String> notes) {
        List<Workload> workloads = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        Map<String, Integer> contents = new HashMap<>();
        List<String> sources = config.datasets();
        for (int i = 0; i < sources.size(); i++) {
            String source = sources.get(i).trim();
            Workload workload = Workloads.load(config, source);
            Integer same = contents.putIfAbsent(workload.dataset().contentHash(), i);
            if (same != null) {
                throw new UsageException("datasets[" + i + "] = " + source + " holds the same data as datasets[" + same + "] = "
                        + sources.get(same) + " (content hash " + workload.dataset().contentHash().substring(0, 12)
                        + "); list each data set once");
            }
            if (!BUILT_IN.contains(source) && reserved(workload.name(), taken)) {
                String renamed = workload.name() + "-" + workload.dataset().contentHash().substring(0, 8);
                notes.add("data set " + source + " is named '" + renamed + "' in this run: its own name '" + workload.name()
                        + "' is " + (BUILT_IN.contains(workload.name()) || builtInSweep(workload.name()) ? "a built-in data set's"
                        : "taken by another data set of the run") + ".");
                workload = new Workload(renamed, workload.dataset(), workload.evaluated(), workload.trainFraction(),
                        workload.domainUsers(), workload.probes(), workload.catalogue());
            }
            if (taken.containsKey(workload.name())) {
                throw new UsageException("datasets[" + i + "] = " + source + ": its name '" + workload.name() + "' is taken");
            }
            taken.put(workload.name(), i);
            workloads.add(workload);
        }
        return workloads;
    }

    private static boolean reserved(String name, Map<String, Integer> taken) {
        return BUILT_IN.contains(name) || builtInSweep(name) || taken.containsKey(name);
    }

    private static boolean builtInSweep(String name) {
        return BUILT_IN.stream().anyMatch(builtIn -> name.startsWith(builtIn + "/"));
    }
}
