package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.finetune.cost.BreakEven;
import org.adaptbench.finetune.cost.CostAssumptions;
import org.adaptbench.finetune.cost.CostPoint;
import org.adaptbench.finetune.cost.CostProjection;
import org.adaptbench.finetune.cost.ModelCost;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.results.ApproachNames;
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
            if (!context.applicable(spec, workload)) {
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

    /** The projection to real model sizes, with memory's measured tokens and bytes when memory ran. */
    private static void project(RunContext context, Workload workload, ScenarioOutput output) {
        CostAssumptions assumptions = CostAssumptions.defaults();
        Map<String, MetricValue> memory = output.metrics().getOrDefault(ApproachNames.MEMORY, Map.of());
        if (memory.containsKey(MetricNames.TOKENS_PER_REQUEST) && memory.containsKey(MetricNames.BYTES_PER_USER)) {
            assumptions = assumptions.withWorkload(assumptions.workload().withMeasuredMemory(memory.get(MetricNames.TOKENS_PER_REQUEST).value(),
                    memory.get(MetricNames.BYTES_PER_USER).value(), "measured by the cost scenario on " + workload.name()));
            output.note("the projection uses memory's measured tokens_per_request and bytes_per_user; every other figure is an "
                    + "assumption of finetune-sim's cost-assumptions.json (as of " + assumptions.asOf() + "), each with its source.");
        } else {
            output.note("memory did not run: the projection uses the assumed memory figures of cost-assumptions.json.");
        }
        double reference = assumptions.workload().requestsPerUserPerMonth().value();
        output.note(String.format(Locale.US, "usd_per_user_month_* is quoted at %.0f requests per user per month (an assumption); "
                + "the cost_vs_requests_* charts cover %.0f to %.0f.", reference, CURVE_FROM, CURVE_TO));
        for (ModelCost cost : new CostProjection(assumptions).projectAll()) {
            String model = cost.model().name();
            CostPoint at = cost.at(reference);
            output.metric(ApproachNames.MEMORY, MetricNames.usdPerUserMonth(model), MetricValue.exact(at.memory(), 1, Units.USD, false));
            output.metric(ApproachNames.USER_LORA, MetricNames.usdPerUserMonth(model),
                    MetricValue.exact(at.userAdapter(), 1, Units.USD, false));
            output.metric(ApproachNames.VARIANT_LORA, MetricNames.usdPerUserMonth(model),
                    MetricValue.exact(at.variantAdapter(), 1, Units.USD, false));
            breakEven(output, ApproachNames.USER_LORA, model, cost.model().name(), cost.userAdapterBreakEven());
            breakEven(output, ApproachNames.VARIANT_LORA, model, cost.model().name(), cost.variantAdapterBreakEven());
            Map<String, List<SeriesPoint>> lines = new TreeMap<>();
            for (CostPoint point : cost.curve(CURVE_FROM, CURVE_TO, CURVE_POINTS)) {
                line(lines, ApproachNames.MEMORY, point.requestsPerUserPerMonth(), point.memory());
                line(lines, ApproachNames.USER_LORA, point.requestsPerUserPerMonth(), point.userAdapter());
                line(lines, ApproachNames.VARIANT_LORA, point.requestsPerUserPerMonth(), point.variantAdapter());
            }
            output.series(SeriesNames.costVsRequests(model), new Series("requests per user per month",
                    "USD per user per month (" + cost.model().name() + ")", false, lines));
        }
    }

    private static void breakEven(ScenarioOutput output, String approach, String model, String modelName, BreakEven breakEven) {
        if (breakEven instanceof BreakEven.Above above) {
            output.metric(approach, MetricNames.breakEvenRequests(model),
                    MetricValue.exact(above.requestsPerUserPerMonth(), 1, Units.REQUESTS_PER_USER_MONTH, false));
        } else if (breakEven instanceof BreakEven.Below below) {
            output.metric(approach, MetricNames.breakEvenRequests(model),
                    MetricValue.exact(below.requestsPerUserPerMonth(), 1, Units.REQUESTS_PER_USER_MONTH, true));
        }
        output.note(approach + " vs memory on " + modelName + ": " + breakEven.describe() + ".");
    }

    private static void line(Map<String, List<SeriesPoint>> lines, String name, double x, double y) {
        lines.computeIfAbsent(name, n -> new ArrayList<>()).add(new SeriesPoint(x, y, y, y, 1));
    }

}
