package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.metrics.AccuracyMetrics;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesNames;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * Does fine-tuning catch up as a user's data grows? The synthetic world generated with more and
 * more events per user (the same seed), the per-user adapter against memory (and {@code none}) on
 * the same users at each size.
 */
public final class DataSizeScenario implements Scenario {

    static final String EXPERIMENT = "replay-data-size";
    /** The reference, and the approaches that learn each user's own data as it arrives (memory, a per-user adapter). */
    static boolean compared(ApproachSpec spec) {
        return spec.has(Capability.REFERENCE)
                || spec.has(Capability.LEARNS_PER_USER) && spec.has(Capability.FORGETS_SELECTIVELY) && !spec.has(Capability.BATCH_TRAINED);
    }

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return workload.name().equals(Workloads.SYNTHETIC) && context.approaches().stream().anyMatch(DataSizeScenario::compared);
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        Map<String, List<org.adaptbench.reports.results.SeriesPoint>> lines = new TreeMap<>();
        int users = context.bench().config().dataSize().users();
        for (int events : context.bench().config().dataSize().events()) {
            Workload sized = Workloads.synthetic(context.bench().config(), events);
            List<UserData> subset = sized.scoredUsers().subList(0, Math.min(users, sized.scoredUsers().size()));
            for (ApproachSpec spec : context.approaches()) {
                if (!compared(spec) || !context.applicable(spec, workload)) {
                    continue;
                }
                String variant = "events_" + events;
                List<Sample> samples = Samples.relabel(ReplayExperiment.run(context, sized, spec, subset, EXPERIMENT).samples(),
                        key, variant);
                if (samples.isEmpty()) {
                    continue;
                }
                output.samples(samples);
                MetricValue accuracy = bootstrap.mean(AccuracyMetrics.values(AccuracyMetrics.perUser(samples)), Units.FRACTION, true);
                output.metric(spec.wireName(), MetricNames.atPoint(MetricNames.ACCURACY, variant), accuracy);
                lines.computeIfAbsent(spec.wireName(), l -> new ArrayList<>()).add(new org.adaptbench.reports.results.SeriesPoint(
                        events, accuracy.value(), accuracy.ciLow(), accuracy.ciHigh(), accuracy.n()));
            }
        }
        output.series(SeriesNames.ACCURACY_VS_EVENTS, new Series("history events per user", "accuracy", true, lines));
        output.note("data-size regenerates the synthetic world (same seed) with each number of events per user and replays the "
                + "first " + users + " scored users of each; the per-user adapter retrains on its usual cadence.");
        return output;
    }
}
