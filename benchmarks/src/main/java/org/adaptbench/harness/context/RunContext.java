package org.adaptbench.harness.context;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.cell.CellKey;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.workload.Workload;

/**
 * What scenarios share during a run: the bench, the approaches selected, one approach context per
 * workload, and memoised cells, so a cell that several scenarios read (a full replay of an approach)
 * runs once and is saved for {@code --resume}.
 */
public final class RunContext implements AutoCloseable {

    private final Bench bench;
    private final RunDirectory directory;
    private final List<ApproachSpec> approaches;
    private final Optional<Path> storeDirectory;
    private final Map<String, ApproachContext> contexts = new HashMap<>();
    private final Map<CellKey, CellResult> memo = new HashMap<>();

    /**
     * @param storeDirectory where memory approaches keep their durable stores (one file per instance),
     *     or empty to keep them in memory
     */
    public RunContext(Bench bench, RunDirectory directory, List<ApproachSpec> approaches, Optional<Path> storeDirectory) {
        this.bench = bench;
        this.directory = directory;
        this.approaches = List.copyOf(approaches);
        this.storeDirectory = storeDirectory;
    }

    public Bench bench() {
        return bench;
    }

    public Progress progress() {
        return bench.progress();
    }

    /** The approaches the run compares, in the order given. */
    public List<ApproachSpec> approaches() {
        return approaches;
    }

    /** The run's approaches that {@code which} selects, in the order given. */
    public List<ApproachSpec> approaches(Predicate<ApproachSpec> which) {
        return approaches.stream().filter(which).toList();
    }

    /** Whether any approach of the run has {@code capability}. */
    public boolean runs(Capability capability) {
        return approaches.stream().anyMatch(spec -> spec.has(capability));
    }

    /**
     * Why the approach cannot run on {@code workload}, if it cannot: with a remote LLM only approaches
     * that need no weights can, and some approaches need data a workload may lack (their factory says which).
     */
    public Optional<String> unavailable(ApproachSpec spec, Workload workload) {
        if (bench.llm().isPresent() && !spec.has(Capability.REMOTE_LLM)) {
            return Optional.of("to a remote LLM (it changes model weights)");
        }
        return spec.kind().factory().unavailable(approachContext(workload));
    }

    /** Whether the approach can run on {@code workload} ({@link #unavailable} says why not). */
    public boolean applicable(ApproachSpec spec, Workload workload) {
        return unavailable(spec, workload).isEmpty();
    }

    /** The services approaches of {@code workload} are built from. */
    public synchronized ApproachContext approachContext(Workload workload) {
        return contexts.computeIfAbsent(workload.name(), name -> new ApproachContext(bench, workload, storeDirectory));
    }

    /** A new instance of {@code spec} for {@code workload}. */
    public Approach create(ApproachSpec spec, Workload workload) {
        return spec.create(approachContext(workload));
    }

    /** The cell's saved result, or {@code compute}'s, saved on completion. */
    public synchronized CellResult cell(String experiment, Workload workload, String cell, Supplier<CellResult> compute) {
        CellKey key = new CellKey(experiment, workload.name(), workload.dataset().contentHash(), cell);
        CellResult known = memo.get(key);
        if (known != null) {
            return known;
        }
        CellResult result = directory.finished(key).orElseGet(() -> {
            CellResult computed = compute.get();
            directory.save(key, computed);
            return computed;
        });
        memo.put(key, result);
        return result;
    }

    @Override
    public void close() {
        contexts.values().forEach(ApproachContext::close);
    }
}
