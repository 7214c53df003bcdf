package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import org.adaptbench.finetune.cost.Assumption;
import org.adaptbench.finetune.cost.BreakEven;
import org.adaptbench.finetune.cost.CostAssumptions;
import org.adaptbench.finetune.cost.CostPoint;
import org.adaptbench.finetune.cost.CostProjection;
import org.adaptbench.finetune.cost.CostSensitivity;
import org.adaptbench.finetune.cost.ModelCost;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesNames;
import org.adaptbench.reports.results.SeriesPoint;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * What does each approach cost per user? Measured on the small model: bytes kept per user, tokens
 * added per request, training seconds and FLOPs; then projected to real model sizes with the
 * finetune-sim cost model, memory's measured figures in place of its assumed ones, as dollars per
 * user per month and the request rate at which adapters become cheaper than memory, if ever.
 */
public final class CostScenario implements Scenario {

    /** Request rates the cost curves span, per user per month. */
    static final double CURVE_FROM = 1;
    static final double CURVE_TO = 100_000;
    static final int CURVE_POINTS = 25;

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return !workload.scoredUsers().isEmpty();
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        int population = workload.dataset().users().size();
        for (ApproachSpec spec : context.approaches()) {
            if (!context.applicable(spec)) {
                continue;
            }
            String approach = spec.wireName();
            CellResult cell = ReplayExperiment.run(context, workload, spec);
            output.metric(approach, MetricNames.BYTES_PER_USER, bootstrap.mean(cell.measurement(MetricNames.BYTES_PER_USER), Units.BYTES, false));
            double[] tokens = cell.samples().stream().mapToDouble(Sample::tokensAdded).toArray();
            if (tokens.length > 0) {
                output.metric(approach, MetricNames.TOKENS_PER_REQUEST, bootstrap.mean(tokens, Units.TOKENS, false));
            }
            output.metric(approach, MetricNames.LEARN_MS, bootstrap.mean(cell.measurement(MetricNames.LEARN_MS), Units.MS, false));
            double[] shared = cell.measurement("shared_train_seconds");
            if (shared.length > 0) {
                // one batch training serves the whole population: each user's share
                output.metric(approach, MetricNames.TRAIN_SECONDS, MetricValue.exact(shared[0] / population, population, Units.SECONDS, false));
                output.metric(approach, MetricNames.TRAIN_FLOPS,
                        MetricValue.exact(cell.measurement("shared_train_flops")[0] / population, population, Units.FLOPS, false));
            } else if (spec.has(Capability.CHANGES_WEIGHTS)) {
                output.metric(approach, MetricNames.TRAIN_SECONDS, bootstrap.mean(cell.measurement(MetricNames.TRAIN_SECONDS), Units.SECONDS, false));
                output.metric(approach, MetricNames.TRAIN_FLOPS, bootstrap.mean(cell.measurement(MetricNames.TRAIN_FLOPS), Units.FLOPS, false));
            }
        }
        project(context, workload, output);
        return output;
    }

    /**
     * The projection to real model sizes, with memory's measured tokens and bytes (their intervals as
     * ranges) when memory ran. Every figure is projected, so its interval is the range one-at-a-time
     * variation of every ranged assumption gives, and the sensitivity series and notes say which
     * assumptions decide whether an adapter costs more than memory.
     */
    private static void project(RunContext context, Workload workload, ScenarioOutput output) {
        CostSensitivity sensitivity = CostSensitivity.defaults();
        Map<String, MetricValue> memory = output.metrics().getOrDefault(ApproachNames.MEMORY, Map.of());
        UnaryOperator<CostAssumptions> measured = UnaryOperator.identity();
        List<CostSensitivity.Variation> extra = new ArrayList<>();
        if (memory.containsKey(MetricNames.TOKENS_PER_REQUEST) && memory.containsKey(MetricNames.BYTES_PER_USER)) {
            MetricValue tokens = memory.get(MetricNames.TOKENS_PER_REQUEST);
            MetricValue bytes = memory.get(MetricNames.BYTES_PER_USER);
            String source = "measured by the cost scenario on " + workload.name() + " (range: its 95% interval)";
            Assumption measuredTokens = new Assumption(tokens.value(), tokens.ciLow(), tokens.ciHigh(), source);
            Assumption measuredBytes = new Assumption(bytes.value(), bytes.ciLow(), bytes.ciHigh(), source);
            measured = a -> a.withWorkload(a.workload().withMeasuredMemory(measuredTokens, measuredBytes));
            CostAssumptions base = measured.apply(sensitivity.base());
            extra.add(new CostSensitivity.Variation(MetricNames.TOKENS_PER_REQUEST, CostSensitivity.End.LOW, tokens.ciLow(),
                    base.withWorkload(base.workload().withMeasuredMemory(measuredTokens.withValue(tokens.ciLow(), source), measuredBytes))));
            extra.add(new CostSensitivity.Variation(MetricNames.TOKENS_PER_REQUEST, CostSensitivity.End.HIGH, tokens.ciHigh(),
                    base.withWorkload(base.workload().withMeasuredMemory(measuredTokens.withValue(tokens.ciHigh(), source), measuredBytes))));
            extra.add(new CostSensitivity.Variation(MetricNames.BYTES_PER_USER, CostSensitivity.End.LOW, bytes.ciLow(),
                    base.withWorkload(base.workload().withMeasuredMemory(measuredTokens, measuredBytes.withValue(bytes.ciLow(), source)))));
            extra.add(new CostSensitivity.Variation(MetricNames.BYTES_PER_USER, CostSensitivity.End.HIGH, bytes.ciHigh(),
                    base.withWorkload(base.workload().withMeasuredMemory(measuredTokens, measuredBytes.withValue(bytes.ciHigh(), source)))));
            output.note("the projection uses memory's measured tokens_per_request and bytes_per_user; every other figure is an "
                    + "assumption of finetune-sim's cost-assumptions.json (as of " + base.asOf() + "), each with its source and range.");
        } else {
            output.note("memory did not run: the projection uses the assumed memory figures of cost-assumptions.json.");
        }
        CostAssumptions base = measured.apply(sensitivity.base());
        List<CostSensitivity.Variation> variations = new ArrayList<>(sensitivity.variations(measured));
        variations.addAll(extra);
        double reference = base.workload().requestsPerUserPerMonth().value();
        output.note(String.format(Locale.US, "usd_per_user_month_* are PROJECTED at %.0f requests per user per month (an assumption),"
                + " not measured: each interval is the range one-at-a-time variation of the %d ranged assumptions (each at its low and"
                + " its high end, the others at their values) gives; the cost_vs_requests_* charts cover %.0f to %.0f requests.",
                reference, variations.size() / 2, CURVE_FROM, CURVE_TO));
        List<ModelCost> baseCosts = new CostProjection(base).projectAll();
        List<List<ModelCost>> variedCosts = variations.stream().map(v -> new CostProjection(v.assumptions()).projectAll()).toList();
        for (int m = 0; m < baseCosts.size(); m++) {
            ModelCost cost = baseCosts.get(m);
            String model = cost.model().name();
            int index = m;
            List<CostPoint> varied = new ArrayList<>();
            for (int v = 0; v < variations.size(); v++) {
                // each variation is quoted at its own request rate when that is the assumption it moves
                ModelCost variedCost = variedCosts.get(v).get(index);
                varied.add(variedCost.at(variations.get(v).assumptions().workload().requestsPerUserPerMonth().value()));
            }
            CostPoint at = cost.at(reference);
            projected(output, ApproachNames.MEMORY, MetricNames.usdPerUserMonth(model), at.memory(), varied, CostPoint::memory);
            projected(output, ApproachNames.USER_LORA, MetricNames.usdPerUserMonth(model), at.userAdapter(), varied, CostPoint::userAdapter);
            projected(output, ApproachNames.VARIANT_LORA, MetricNames.usdPerUserMonth(model), at.variantAdapter(), varied,
                    CostPoint::variantAdapter);
            projected(output, ApproachNames.USER_LORA, MetricNames.usdAboveMemory(model), at.userAdapter() - at.memory(), varied,
                    point -> point.userAdapter() - point.memory());
            projected(output, ApproachNames.VARIANT_LORA, MetricNames.usdAboveMemory(model), at.variantAdapter() - at.memory(), varied,
                    point -> point.variantAdapter() - point.memory());
            sensitivity(output, model, at, variations, varied);
            breakEven(output, ApproachNames.USER_LORA, model, cost.userAdapterBreakEven(),
                    variedCosts.stream().map(costs -> costs.get(index).userAdapterBreakEven()).toList());
            breakEven(output, ApproachNames.VARIANT_LORA, model, cost.variantAdapterBreakEven(),
                    variedCosts.stream().map(costs -> costs.get(index).variantAdapterBreakEven()).toList());
            Map<String, List<SeriesPoint>> lines = new TreeMap<>();
            for (CostPoint point : cost.curve(CURVE_FROM, CURVE_TO, CURVE_POINTS)) {
                line(lines, ApproachNames.MEMORY, point.requestsPerUserPerMonth(), point.memory());
                line(lines, ApproachNames.USER_LORA, point.requestsPerUserPerMonth(), point.userAdapter());
                line(lines, ApproachNames.VARIANT_LORA, point.requestsPerUserPerMonth(), point.variantAdapter());
            }
            output.series(SeriesNames.costVsRequests(model), new Series("requests per user per month",
                    "USD per user per month (" + cost.model().name() + ", projected)", false, lines));
        }
    }

    /** A projected figure: its value at the assumptions' values, its interval the range the variations span. */
    private static void projected(ScenarioOutput output, String approach, String metric, double value, List<CostPoint> varied,
            ToDoubleFunction<CostPoint> of) {
        double low = value;
        double high = value;
        for (CostPoint point : varied) {
            low = Math.min(low, of.applyAsDouble(point));
            high = Math.max(high, of.applyAsDouble(point));
        }
        output.metric(approach, metric, MetricValue.projected(value, low, high, Units.USD, false));
    }

    /**
     * The tornado of one model: for every ranged assumption, how many dollars per user-month a per-user
     * adapter costs above memory with that assumption at its low end (x = 0) and its high end (x = 1);
     * and a note naming the assumptions whose range flips which is cheaper.
     */
    private static void sensitivity(ScenarioOutput output, String model, CostPoint at, List<CostSensitivity.Variation> variations,
            List<CostPoint> varied) {
        Map<String, List<SeriesPoint>> lines = new TreeMap<>();
        List<String> flips = new ArrayList<>();
        boolean baseCheaper = at.memory() < at.userAdapter();
        for (int v = 0; v < variations.size(); v++) {
            CostSensitivity.Variation variation = variations.get(v);
            double above = varied.get(v).userAdapter() - varied.get(v).memory();
            double x = variation.end() == CostSensitivity.End.LOW ? 0 : 1;
            lines.computeIfAbsent(variation.assumption(), a -> new ArrayList<>()).add(new SeriesPoint(x, above, above, above, 1));
            if ((above > 0) != baseCheaper && !flips.contains(variation.assumption())) {
                flips.add(variation.assumption() + " at its " + variation.end().name().toLowerCase(Locale.US) + " end ("
                        + Figures.number(variation.value()) + ")");
            }
        }
        output.series(SeriesNames.costSensitivity(model), new Series("assumption at its low end (0) and its high end (1)",
                "USD per user-month user-lora costs above memory (" + model + ", projected)", false, lines));
        output.note(flips.isEmpty()
                ? String.format(Locale.US, "on %s a per-user adapter costs %s than memory at every end of every assumption's range.",
                        model, baseCheaper ? "more" : "less")
                : String.format(Locale.US, "on %s which is cheaper depends on: %s.", model, String.join("; ", flips)));
    }

    /** The request rate where adapters and memory cost the same, projected: its interval spans the variations that cross there too. */
    private static void breakEven(ScenarioOutput output, String approach, String model, BreakEven breakEven, List<BreakEven> varied) {
        OptionalDouble rate = rate(breakEven);
        if (rate.isPresent()) {
            double low = rate.getAsDouble();
            double high = low;
            for (BreakEven other : varied) {
                if (other.getClass() == breakEven.getClass()) {
                    low = Math.min(low, rate(other).getAsDouble());
                    high = Math.max(high, rate(other).getAsDouble());
                }
            }
            output.metric(approach, MetricNames.breakEvenRequests(model), MetricValue.projected(rate.getAsDouble(), low, high,
                    Units.REQUESTS_PER_USER_MONTH, breakEven instanceof BreakEven.Below));
        }
        long otherwise = varied.stream().filter(other -> other.getClass() != breakEven.getClass()).count();
        output.note(approach + " vs memory on " + model + ": " + breakEven.describe() + (otherwise == 0 ? ""
                : " (" + otherwise + " of " + varied.size() + " assumption variations give another kind of answer)") + ".");
    }

    private static OptionalDouble rate(BreakEven breakEven) {
        if (breakEven instanceof BreakEven.Above above) {
            return OptionalDouble.of(above.requestsPerUserPerMonth());
        }
        if (breakEven instanceof BreakEven.Below below) {
            return OptionalDouble.of(below.requestsPerUserPerMonth());
        }
        return OptionalDouble.empty();
    }

    private static void line(Map<String, List<SeriesPoint>> lines, String name, double x, double y) {
        lines.computeIfAbsent(name, n -> new ArrayList<>()).add(new SeriesPoint(x, y, y, y, 1));
    }

}
