package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.workload.QueryIndex;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesNames;
import org.adaptbench.reports.results.SeriesPoint;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * What happens as the conversation grows? PrefEval's items with 0 to 300 filler turns between the
 * preference and the question (the same items at every length): accuracy and tokens per request of
 * the approaches that put text in the context ({@code none}, {@code full-context}, {@code memory}).
 */
public final class ContextLengthScenario implements Scenario {


    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return workload.name().equals(Workloads.PREFEVAL);
    }

    @Override
    public List<Runnable> cells(RunContext context, Workload workload) {
        List<ApproachSpec> compared = compared(context, workload);
        return ReplayExperiment.replays(context, lengths(context).values(), sized -> compared);
    }

    /** The approaches that put text in the context, as the run has them. */
    private static List<ApproachSpec> compared(RunContext context, Workload workload) {
        return context.approaches(spec -> spec.has(Capability.REMOTE_LLM) && context.applicable(spec, workload));
    }

    /** PrefEval at each configured filler length, each under its own workload name. */
    private static Map<Integer, Workload> lengths(RunContext context) {
        Map<Integer, Workload> lengths = new java.util.LinkedHashMap<>();
        for (int turns : context.bench().config().prefeval().fillerTurns()) {
            Workload sized = Workloads.prefEval(context.bench().config(), turns);
            lengths.put(turns, new Workload(Workloads.PREFEVAL + "/turns_" + turns, sized.dataset(), sized.evaluated(),
                    sized.trainFraction(), sized.domainUsers(), sized.probes(), sized.catalogue()));
        }
        return lengths;
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        Map<String, List<SeriesPoint>> accuracy = new TreeMap<>();
        Map<String, List<SeriesPoint>> tokens = new TreeMap<>();
        Map<Integer, Workload> lengths = lengths(context);
        List<ApproachSpec> compared = compared(context, workload);
        context.prefetch(ReplayExperiment.replays(context, lengths.values(), sized -> compared));
        for (Map.Entry<Integer, Workload> length : lengths.entrySet()) {
            int turns = length.getKey();
            Workload sized = length.getValue();
            for (ApproachSpec spec : compared) {
                String variant = "turns_" + turns;
                List<Sample> samples = Samples.relabel(ReplayExperiment.run(context, sized, spec).samples(), key, variant);
                output.samples(samples);
                MetricValue acc = context.bench().accuracy(key, new QueryIndex(sized)).mean(samples).orElseThrow();
                MetricValue tok = bootstrap.mean(samples.stream().mapToDouble(Sample::tokensAdded).toArray(), Units.TOKENS, false);
                output.metric(spec.wireName(), MetricNames.atPoint(MetricNames.ACCURACY, variant), acc);
                output.metric(spec.wireName(), MetricNames.tokensAt(variant), tok);
                point(accuracy, spec.wireName(), turns, acc);
                point(tokens, spec.wireName(), turns, tok);
            }
        }
        output.series(SeriesNames.ACCURACY_VS_TURNS, new Series("filler turns between the preference and the question", "accuracy", true, accuracy));
        output.series(SeriesNames.TOKENS_VS_TURNS, new Series("filler turns between the preference and the question",
                "tokens added per request", false, tokens));
        output.note("context-length asks the same PrefEval items at every length; only the filler between the preference and the "
                + "question grows.");
        return output;
    }

    private static void point(Map<String, List<SeriesPoint>> lines, String line, double x, MetricValue value) {
        lines.computeIfAbsent(line, l -> new ArrayList<>()).add(new SeriesPoint(x, value.value(), value.ciLow(), value.ciHigh(), value.n()));
    }
}
