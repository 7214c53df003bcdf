package org.adaptbench.harness.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adaptbench.finetune.cost.Assumption;
import org.adaptbench.finetune.cost.CostAssumptions;
import org.adaptbench.finetune.cost.CostProjection;
import org.adaptbench.finetune.cost.ModelCost;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.metrics.AccuracyMetrics;
import org.adaptbench.harness.workload.QueryIndex;
import org.adaptbench.harness.workload.RegimePoint;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.RegimeCell;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * When is each approach the right choice? A map over how much users agree (from a product-wide
 * convention through 0.8 and 0.5 to uniform), how much data a user has, and how fast preferences
 * change: each cell is a synthetic world of its own (the convention drawn from its seed, so the base
 * model was not pre-trained to favour it), on which the configured approaches are replayed. Per cell,
 * every approach's accuracy (two-way interval), tokens per request and projected cost per user-month;
 * the winner (the most accurate) and the pick: among the approaches statistically tied with the
 * winner (their paired difference from it is not above zero), the cheapest.
 *
 * <p>Results hold one row per cell, keyed by its coordinates as a {@link RegimeCell}
 * ({@code agreement=0.80,events=20,change_rate=0.05}), which the report draws as heatmaps; the picks
 * are {@code pick_accuracy_<approach>} and {@code pick_accuracy_then_cost_<approach>}, 1 where picked.
 */
public final class RegimesScenario implements Scenario {

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return workload.name().equals(Workloads.SYNTHETIC) && !compared(context, workload).isEmpty();
    }

    /** The configured approaches of the map that can run here. */
    static List<ApproachSpec> compared(RunContext context, Workload workload) {
        return context.bench().config().regimes().approaches().stream().map(ApproachSpec::parse).filter(spec -> context.applicable(spec, workload)).toList();
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        RunConfig.Regimes section = context.bench().config().regimes();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        CostAssumptions assumptions = CostAssumptions.defaults();
        Map<RegimePoint, Workload> worlds = worlds(context);
        context.prefetch(ReplayExperiment.replays(context, worlds.values(), cell -> compared(context, cell)));
        worlds.forEach((point, cell) -> measureCell(context, cell, key, point.cell().key(), bootstrap, assumptions, section, output));
        int cells = worlds.size();
        output.note(String.format(Locale.US, "regimes: %d cells, each a world of %d users (%d domain users) with its own seed, its"
                + " convention (leading option per dimension) drawn from that seed, and no deletions; the pick of a cell is its most"
                + " accurate approach or, among the approaches whose paired difference from that one is not above zero (95%%, users"
                + " and items resampled), the cheapest at %.0f requests per user-month on %s (projected: %s).", cells, section.users(),
                section.domainUsers(), section.requestsPerUserMonth(), section.costModel(), costRule()));
        return output;
    }

    @Override
    public List<Runnable> cells(RunContext context, Workload workload) {
        return ReplayExperiment.replays(context, worlds(context).values(), cell -> compared(context, cell));
    }

    /** The map's worlds, one per cell, in the map's order. */
    private static Map<RegimePoint, Workload> worlds(RunContext context) {
        RunConfig.Regimes section = context.bench().config().regimes();
        Map<RegimePoint, Workload> worlds = new LinkedHashMap<>();
        for (double agreement : section.agreement()) {
            for (int events : section.events()) {
                for (double change : section.changeRates()) {
                    RegimePoint point = new RegimePoint(agreement, events, change);
                    worlds.put(point, Workloads.regime(context.bench().config(), point));
                }
            }
        }
        return worlds;
    }

    /** How an approach's cost is projected from its capabilities, in words for the notes. */
    static String costRule() {
        return "context costs its measured tokens at the model's input price and, for a memory store, its measured bytes and"
                + " embeddings; a per-user adapter its retraining and hosting; a shared adapter its training shared among a variant's"
                + " users; the unchanged model nothing extra";
    }

    private static void measureCell(RunContext context, Workload cell, String key, String row, Bootstrap bootstrap,
            CostAssumptions assumptions, RunConfig.Regimes section, ScenarioOutput output) {
        AccuracyMetrics accuracy = context.bench().accuracy(key + "/" + row, new QueryIndex(cell));
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<String, MetricValue> accuracies = new LinkedHashMap<>();
        Map<String, Double> costs = new LinkedHashMap<>();
        for (ApproachSpec spec : compared(context, cell)) {
            CellResult replay = ReplayExperiment.run(context, cell, spec);
            List<Sample> scored = replay.samples();
            if (scored.isEmpty()) {
                continue;
            }
            String approach = spec.wireName();
            samples.put(approach, scored);
            MetricValue value = accuracy.mean(scored).orElseThrow();
            accuracies.put(approach, value);
            output.metric(row, MetricNames.regime(MetricNames.REGIME_ACCURACY, approach), value);
            MetricValue tokens = bootstrap.mean(scored.stream().mapToDouble(Sample::tokensAdded).toArray(), Units.TOKENS, false);
            output.metric(row, MetricNames.regime(MetricNames.REGIME_TOKENS, approach), tokens);
            double usd = cost(spec, tokens.value(), Bootstrap.meanOf(replay.measurement(MetricNames.BYTES_PER_USER)), assumptions, section);
            costs.put(approach, usd);
            output.metric(row, MetricNames.regime(MetricNames.REGIME_USD, approach), MetricValue.projected(usd, usd, usd, Units.USD, false));
        }
        if (accuracies.isEmpty()) {
            return;
        }
        String winner = accuracies.entrySet().stream().max(Map.Entry.comparingByValue(
                java.util.Comparator.comparingDouble(MetricValue::value))).orElseThrow().getKey();
        output.metric(row, MetricNames.pick(MetricNames.PICK_ACCURACY, winner), MetricValue.exact(1, 1, Units.FRACTION, true));
        String pick = pick(winner, samples, costs, accuracy);
        output.metric(row, MetricNames.pick(MetricNames.PICK_ACCURACY_THEN_COST, pick), MetricValue.exact(1, 1, Units.FRACTION, true));
    }

    /**
     * The pick among {@code costs}' approaches: the winner, unless cheaper approaches are statistically
     * tied with it (the paired difference winner − it has an interval reaching zero); then the
     * cheapest of those, the earliest in the run's order among equally cheap ones.
     */
    static String pick(String winner, Map<String, List<Sample>> samples, Map<String, Double> costs, AccuracyMetrics accuracy) {
        String pick = winner;
        for (String approach : costs.keySet()) {
            if (approach.equals(winner) || costs.get(approach) >= costs.get(pick)) {
                continue;
            }
            MetricValue gap = accuracy.lift(samples.get(winner), samples.get(approach)).orElseThrow();
            if (gap.ciLow() <= 0) {
                pick = approach;
            }
        }
        return pick;
    }

    /** The projected dollars per user-month {@code spec} costs on the cell, from what it declares it does. */
    static double cost(ApproachSpec spec, double tokensPerRequest, double bytesPerUser, CostAssumptions assumptions,
            RunConfig.Regimes section) {
        String source = "measured by the regimes scenario";
        CostAssumptions measured = assumptions.withWorkload(assumptions.workload().withMeasuredMemory(
                new Assumption(tokensPerRequest, source), new Assumption(bytesPerUser, source)));
        ModelCost cost = new CostProjection(measured).project(measured.model(section.costModel()));
        double rate = section.requestsPerUserMonth();
        double usd = 0;
        if (spec.has(Capability.READS_CONTEXT)) {
            usd += spec.has(Capability.RETRIEVES) || spec.has(Capability.FORGETS_SELECTIVELY)
                    ? cost.memoryFixedPerUserPerMonth() + rate * cost.memoryPerRequest()
                    : rate * tokensPerRequest * measured.model(section.costModel()).inputPricePerMillionTokens().value() / 1e6;
        }
        if (spec.has(Capability.RETRAINS_PER_USER)) {
            usd += cost.userAdapterFixedPerMonth() + rate * cost.adapterPerRequest();
        } else if (spec.has(Capability.CHANGES_WEIGHTS)) {
            usd += cost.variantAdapterFixedPerUserPerMonth() + rate * cost.adapterPerRequest();
        }
        return usd;
    }
}
