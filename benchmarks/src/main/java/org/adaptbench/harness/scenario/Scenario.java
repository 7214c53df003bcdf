package org.adaptbench.harness.scenario;

import java.util.List;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.workload.Workload;

/** One claim of the comparison turned into an experiment: runs its cells on a workload and summarises them. */
public interface Scenario {

    /** Whether the scenario has anything to measure on this workload (changes, deletions, gold evidence...). */
    boolean appliesTo(RunContext context, Workload workload);

    /**
     * The scenario's costly cells on the workload, each a call that computes (or reads) one through
     * {@link RunContext#cell}: the runner computes every scenario's cells at once before any scenario
     * summarises, so that cores do not idle at a scenario's last cells. None by default.
     */
    default List<Runnable> cells(RunContext context, Workload workload) {
        return List.of();
    }

    /** Runs (or resumes) the scenario's cells on the workload and summarises them under {@code key}. */
    ScenarioOutput run(RunContext context, Workload workload, String key);
}
