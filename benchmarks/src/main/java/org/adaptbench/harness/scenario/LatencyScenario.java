package org.adaptbench.harness.scenario;

import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.metrics.LatencyMetrics;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.results.Sample;

/**
 * What does a request cost in time? p50/p95/p99 of every request of the replay, per approach: the
 * whole request (retrieval and context assembly for memory, the adapter's forward for fine-tuning).
 */
public final class LatencyScenario implements Scenario {

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return !workload.scoredUsers().isEmpty();
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        LatencyMetrics latency = new LatencyMetrics(context.bench().bootstrap(key));
        for (ApproachSpec spec : context.approaches()) {
            if (!context.applicable(spec, workload)) {
                continue;
            }
            var samples = Samples.relabel(ReplayExperiment.run(context, workload, spec).samples(), key, "");
            output.samples(samples);
            output.metrics(spec.wireName(), latency.summarize(samples.stream().mapToDouble(Sample::latencyMs).toArray()));
        }
        output.note("latencies are wall-clock on this machine (see environment); they vary between runs, accuracies do not.");
        return output;
    }
}
