package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.Sweep;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.metrics.AccuracyMetrics;
import org.adaptbench.harness.workload.QueryIndex;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesPoint;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * How fast does a stated or changed preference take effect? For every change of preference, the time
 * from the change to the first correct answer that follows an update carrying it (extraction and
 * writes for memory; waiting for the retraining cadence plus training for adapters), the share of
 * changes adapted to at all, and accuracy on the probes at each distance after the change. Per-user
 * adapters run at every configured retraining cadence, each with its training cost.
 */
public final class AdaptationScenario implements Scenario {

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return !users(context, workload).isEmpty();
    }

    /** Evaluated users with a scored probe after a change of preference. */
    static List<UserData> users(RunContext context, Workload workload) {
        return workload.evaluated().stream().filter(user -> hasProbe(workload, user)).toList();
    }

    private static boolean hasProbe(Workload workload, UserData user) {
        Map<String, TurnKind> kinds = new TreeMap<>();
        user.history().forEach(turn -> kinds.put(turn.turnId(), turn.label().kind()));
        return user.queries().stream().anyMatch(query -> workload.isEvaluated(user, query)
                && !query.evidenceTurnIds().isEmpty() && kinds.get(query.evidenceTurnIds().get(0)) == TurnKind.CHANGE);
    }

    /** The approaches compared: those of the run, with the per-user adapter at every configured cadence. */
    static List<ApproachSpec> approaches(RunContext context, Workload workload) {
        List<ApproachSpec> specs = new ArrayList<>();
        for (ApproachSpec spec : context.approaches()) {
            specs.addAll(spec.sweep(Sweep.ADAPTATION, context.approachContext(workload)));
        }
        return specs;
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        List<UserData> users = users(context, workload);
        AccuracyMetrics accuracy = context.bench().accuracy(key, new QueryIndex(workload));
        Map<String, List<SeriesPoint>> timeline = new TreeMap<>();
        int changes = 0;
        for (ApproachSpec spec : approaches(context, workload)) {
            if (!context.applicable(spec)) {
                continue;
            }
            String approach = spec.wireName();
            // the replay of every evaluated user that granularity, cost and latency read too
            CellResult cell = ReplayExperiment.run(context, workload, spec);
            double[] times = cell.measurement(MetricNames.TIME_TO_ADAPT_MS);
            if (times.length > 0) {
                output.metric(approach, MetricNames.TIME_TO_ADAPT_MS, bootstrap.mean(times, Units.MS, false));
                output.metric(approach, MetricNames.TIME_TO_ADAPT_P50_MS, bootstrap.quantile(times, 0.5, Units.MS, false));
            }
            double[] adapted = cell.measurement("adapted");
            changes = Math.max(changes, adapted.length);
            if (adapted.length > 0) {
                output.metric(approach, MetricNames.ADAPTED_FRACTION, bootstrap.mean(adapted, Units.FRACTION, true));
            }
            if (spec.has(Capability.CHANGES_WEIGHTS)) {
                output.metric(approach, MetricNames.TRAIN_SECONDS, bootstrap.mean(cell.measurement(MetricNames.TRAIN_SECONDS), Units.SECONDS, false));
            }
            List<Sample> probes = new ArrayList<>();
            Map<Integer, List<Sample>> byDistance = new TreeMap<>();
            for (Sample sample : cell.samples()) {
                if (sample.variant().startsWith("after_change_")) {
                    Sample relabelled = Samples.relabel(List.of(sample), key, sample.variant()).get(0);
                    probes.add(relabelled);
                    byDistance.computeIfAbsent(Integer.parseInt(sample.variant().substring("after_change_".length())),
                            d -> new ArrayList<>()).add(relabelled);
                }
            }
            if (probes.isEmpty()) {
                continue;
            }
            output.samples(probes);
            output.metric(approach, MetricNames.ACCURACY_AFTER_CHANGE, accuracy.mean(probes).orElseThrow());
            List<SeriesPoint> points = new ArrayList<>();
            byDistance.forEach((distance, samples) -> {
                MetricValue value = accuracy.mean(samples).orElseThrow();
                output.metric(approach, MetricNames.atPoint(MetricNames.ACCURACY_AFTER_CHANGE, Integer.toString(distance)), value);
                points.add(new SeriesPoint(distance, value.value(), value.ciLow(), value.ciHigh(), value.n()));
            });
            timeline.put(approach, points);
        }
        output.series(MetricNames.ACCURACY_AFTER_CHANGE, new Series("turns since the change of preference (bucket upper bound)",
                "accuracy on the changed dimension",
                true, timeline));
        output.note(String.format(java.util.Locale.US, "%d changes of preference of %d users (every evaluated user's replay); time_to_adapt_ms counts simulated waiting "
                + "for a retraining cadence (nightly waits for midnight of the history's clock) plus measured compute; "
                + "adapted_fraction is the share of changes answered correctly after an update that carried them.", changes, users.size()));
        return output;
    }
}
