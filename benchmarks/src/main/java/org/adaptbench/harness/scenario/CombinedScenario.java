package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adaptbench.harness.approach.registry.ApproachKind;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.QueryIndex;
import org.adaptbench.harness.metrics.AccuracyMetrics;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * Does a domain adapter plus memory beat both? The shared domain adapter (trained with injected
 * memories on users who are never evaluated) with memory, against memory alone on the base model and
 * the domain adapter alone, on the same users; lift over each part is paired per user.
 */
public final class CombinedScenario implements Scenario {

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.COMBINED;
    }

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return context.runs(ApproachKind.COMBINED) && !workload.domainUsers().isEmpty() && !workload.scoredUsers().isEmpty();
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        AccuracyMetrics accuracy = new AccuracyMetrics(bootstrap);
        QueryIndex queries = new QueryIndex(workload);
        ApproachSpec combined = ApproachSpec.of(ApproachKind.COMBINED);
        ApproachSpec adapterOnly = new ApproachSpec(ApproachKind.COMBINED, Optional.empty(), Optional.empty(), false, true);
        List<ApproachSpec> compared = new ArrayList<>(List.of(combined, adapterOnly, ApproachSpec.of(ApproachKind.MEMORY),
                ApproachSpec.of(ApproachKind.NONE)));
        Map<String, List<Sample>> byApproach = new java.util.LinkedHashMap<>();
        for (ApproachSpec spec : compared) {
            if (!context.factory(workload).applicable(spec)) {
                continue;
            }
            List<Sample> samples = Samples.relabel(ReplayExperiment.run(context, workload, spec).samples(), key, "");
            byApproach.put(spec.wireName(), samples);
            output.samples(samples);
            output.metrics(spec.wireName(), accuracy.summarize(samples, sample -> queries.group(sample.queryId())));
        }
        List<Sample> both = byApproach.get(combined.wireName());
        if (both != null) {
            for (String part : List.of(ApproachKind.MEMORY.wireName(), adapterOnly.wireName(), ApproachKind.NONE.wireName())) {
                List<Sample> partSamples = byApproach.get(part);
                if (partSamples != null) {
                    String metric = part.equals(ApproachKind.NONE.wireName()) ? "lift_over_none" : "lift_over_" + part.replace('-', '_').replace('/', '_');
                    accuracy.lift(both, partSamples).ifPresent(lift -> output.metric(combined.wireName(), metric, lift));
                }
            }
        }
        context.factory(workload).domainAdapter().ifPresent(adapter -> output.note(String.format(java.util.Locale.US,
                "the domain adapter trained on %d examples of %d users who are never evaluated, in %.1f s.",
                adapter.totalExamples(), workload.domainUsers().size(), adapter.totalWallNanos() / 1e9)));
        return output;
    }
}
