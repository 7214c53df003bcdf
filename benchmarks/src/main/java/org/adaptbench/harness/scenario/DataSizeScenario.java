package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.control.OracleContextControl;
import org.adaptbench.harness.model.EmbeddedAnswerModel;
import org.adaptbench.harness.workload.QueryIndex;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.reports.results.ApproachNames;
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
        Map<Integer, Workload> sizes = sizes(context);
        List<ApproachSpec> measured = measured(context, workload);
        context.prefetch(replays(context, sizes, measured));
        for (Map.Entry<Integer, Workload> size : sizes.entrySet()) {
            int events = size.getKey();
            Workload sized = size.getValue();
            List<UserData> subset = subset(sized, users);
            for (ApproachSpec spec : measured) {
                String variant = "events_" + events;
                List<Sample> samples = Samples.relabel(ReplayExperiment.run(context, sized, spec, subset, EXPERIMENT).samples(),
                        key, variant);
                if (samples.isEmpty()) {
                    continue;
                }
                output.samples(samples);
                MetricValue accuracy = context.bench().accuracy(key, new QueryIndex(sized)).mean(samples).orElseThrow();
                output.metric(spec.wireName(), MetricNames.atPoint(MetricNames.ACCURACY, variant), accuracy);
                lines.computeIfAbsent(spec.wireName(), l -> new ArrayList<>()).add(new org.adaptbench.reports.results.SeriesPoint(
                        events, accuracy.value(), accuracy.ciLow(), accuracy.ciHigh(), accuracy.n()));
            }
            if (context.bench().llm().isEmpty()) {
                // the competence check: the base model given exactly the gold evidence, on the same users, at this size
                Workload oracleUsers = new Workload(sized.name(), sized.dataset(), subset, sized.trainFraction(), sized.domainUsers(),
                        sized.probes(), sized.catalogue());
                double[] perUser = context.cell(ApproachNames.ORACLE_CONTEXT, sized, ApproachNames.ORACLE_CONTEXT + "/" + EXPERIMENT,
                        () -> new CellResult(List.of(), Map.of(MetricNames.ACCURACY, List.copyOf(OracleContextControl.perUserAccuracy(
                                oracleUsers, new EmbeddedAnswerModel(context.bench().baseModel(), context.bench().embedder())).values())),
                                List.of())).measurement(MetricNames.ACCURACY);
                if (perUser.length > 0) {
                    MetricValue oracle = bootstrap.mean(perUser, Units.FRACTION, true);
                    output.metric(ApproachNames.ORACLE_CONTEXT, MetricNames.atPoint(MetricNames.ACCURACY, "events_" + events), oracle);
                    lines.computeIfAbsent(ApproachNames.ORACLE_CONTEXT, l -> new ArrayList<>()).add(
                            new org.adaptbench.reports.results.SeriesPoint(events, oracle.value(), oracle.ciLow(), oracle.ciHigh(), oracle.n()));
                }
            }
        }
        output.series(SeriesNames.ACCURACY_VS_EVENTS, new Series("history events per user", "accuracy", true, lines));
        output.note("data-size regenerates the synthetic world (same seed) with each number of events per user and replays the "
                + "first " + users + " scored users of each; the per-user adapter retrains on its usual cadence. oracle-context, the"
                + " base model given exactly the gold evidence, is what an adapter that had learned each user's preferences perfectly"
                + " could at most reach with this base model.");
        return output;
    }

    @Override
    public List<Runnable> cells(RunContext context, Workload workload) {
        return replays(context, sizes(context), measured(context, workload));
    }

    private static List<ApproachSpec> measured(RunContext context, Workload workload) {
        return context.approaches(spec -> compared(spec) && context.applicable(spec, workload));
    }

    /** The synthetic world generated at each configured number of events per user. */
    private static Map<Integer, Workload> sizes(RunContext context) {
        Map<Integer, Workload> sizes = new java.util.LinkedHashMap<>();
        for (int events : context.bench().config().dataSize().events()) {
            sizes.put(events, Workloads.synthetic(context.bench().config(), events));
        }
        return sizes;
    }

    /** Each measured approach replayed on the first users of each size. */
    private static List<Runnable> replays(RunContext context, Map<Integer, Workload> sizes, List<ApproachSpec> measured) {
        int users = context.bench().config().dataSize().users();
        List<Runnable> replays = new ArrayList<>();
        sizes.values().forEach(sized -> measured.forEach(spec -> replays.add(() -> ReplayExperiment.run(context, sized, spec,
                subset(sized, users), EXPERIMENT))));
        return replays;
    }

    /** The first {@code users} scored users of a size: the same users' histories, grown. */
    private static List<UserData> subset(Workload sized, int users) {
        return sized.scoredUsers().subList(0, Math.min(users, sized.scoredUsers().size()));
    }
}
