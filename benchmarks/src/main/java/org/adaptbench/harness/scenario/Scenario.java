package org.adaptbench.harness.scenario;

import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.workload.Workload;

/** One claim of the comparison turned into an experiment: runs its cells on a workload and summarises them. */
public interface Scenario {

    /** Whether the scenario has anything to measure on this workload (changes, deletions, gold evidence...). */
    boolean appliesTo(RunContext context, Workload workload);

    /** Runs (or resumes) the scenario's cells on the workload and summarises them under {@code key}. */
    ScenarioOutput run(RunContext context, Workload workload, String key);
}
