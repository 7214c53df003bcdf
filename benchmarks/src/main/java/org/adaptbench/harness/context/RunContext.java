package org.adaptbench.harness.context;

import org.adaptbench.harness.cell.CellKey;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.cell.RunDirectory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.approach.registry.ApproachFactory;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.progress.Progress;

/**
 * What scenarios share during a run: the bench, the approaches selected, one approach factory per
 * workload, and memoised cells, so a cell that several scenarios read (a full replay of an approach)
 * runs once and is saved for {@code --resume}.
 */
public final class RunContext implements AutoCloseable {

    private final Bench bench;
    private final RunDirectory directory;
    private final List<ApproachSpec> approaches;
    private final Map<String, ApproachFactory> factories = new HashMap<>();
    private final Map<CellKey, CellResult> memo = new HashMap<>();

    public RunContext(Bench bench, RunDirectory directory, List<ApproachSpec> approaches) {
        this.bench = bench;
        this.directory = directory;
        this.approaches = List.copyOf(approaches);
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

    public boolean runs(org.adaptbench.harness.approach.registry.ApproachKind kind) {
        return approaches.stream().anyMatch(spec -> spec.kind() == kind);
    }

    public synchronized ApproachFactory factory(Workload workload) {
        return factories.computeIfAbsent(workload.name(), name -> new ApproachFactory(bench, workload));
    }

    /** The cell's saved result, or {@code compute}'s, saved on completion. */
    public synchronized CellResult cell(String experiment, Workload workload, String cell, Supplier<CellResult> compute) {
        CellKey key = new CellKey(experiment, workload.name(), cell);
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
        factories.values().forEach(ApproachFactory::close);
    }
}
