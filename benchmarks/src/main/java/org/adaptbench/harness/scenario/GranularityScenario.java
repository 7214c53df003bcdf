package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.finetune.model.CosineBaselineScorer;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.control.OptionOnlyControl;
import org.adaptbench.harness.control.OracleContextControl;
import org.adaptbench.harness.metrics.AccuracyMetrics;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.harness.model.EmbeddedAnswerModel;
import org.adaptbench.harness.workload.QueryIndex;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.SeriesNames;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * Does each user get their own behaviour? Per-user accuracy of every approach on the same users and
 * queries, its 10th-percentile user, its worst preference group and — where the data set defines a majority
 * answer per question — its accuracy on minority and majority answers, beside the controls: {@code none},
 * chance, and on the synthetic world the majority-option ceiling no approach blind to the user can beat.
 */
public final class GranularityScenario implements Scenario {

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return workload.scoredUsers().stream().findAny().isPresent();
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        QueryIndex queries = new QueryIndex(workload);
        Bootstrap bootstrap = context.bench().bootstrap(key);
        AccuracyMetrics accuracy = new AccuracyMetrics(bootstrap);
        Map<String, List<Sample>> byApproach = new LinkedHashMap<>();
        for (ApproachSpec spec : context.approaches()) {
            if (!context.applicable(spec, workload)) {
                continue; // the run's notes say why
            }
            List<Sample> samples = Samples.relabel(ReplayExperiment.run(context, workload, spec).samples(), key, "");
            byApproach.put(spec.wireName(), samples);
            output.samples(samples);
            output.metrics(spec.wireName(), accuracy.summarize(samples, sample -> queries.group(sample.queryId())));
            output.metric(spec.wireName(), MetricNames.TOKENS_PER_REQUEST,
                    bootstrap.mean(samples.stream().mapToDouble(Sample::tokensAdded).toArray(), Units.TOKENS, false));
            output.distribution(spec.wireName(), SeriesNames.PER_USER_ACCURACY, List.copyOf(AccuracyMetrics.perUser(samples).values()));
            List<Sample> minority = samples.stream().filter(sample -> queries.minority(sample.queryId())).toList();
            if (!minority.isEmpty()) {
                List<Sample> majority = samples.stream().filter(sample -> !queries.minority(sample.queryId())).toList();
                accuracy.mean(minority).ifPresent(value -> output.metric(spec.wireName(), MetricNames.ACCURACY_MINORITY, value));
                accuracy.mean(majority).ifPresent(value -> output.metric(spec.wireName(), MetricNames.ACCURACY_MAJORITY, value));
                output.distribution(spec.wireName(), SeriesNames.PER_USER_ACCURACY_MINORITY,
                        List.copyOf(AccuracyMetrics.perUser(minority).values()));
            }
        }
        List<Sample> none = context.approaches(spec -> spec.has(Capability.REFERENCE)).stream().findFirst()
                .map(spec -> byApproach.get(spec.wireName())).orElse(null);
        if (none != null) {
            byApproach.forEach((approach, samples) -> {
                if (samples != none) {
                    accuracy.lift(samples, none).ifPresent(lift -> output.metric(approach, MetricNames.LIFT_OVER_NONE, lift));
                }
            });
        }
        controls(workload, bootstrap, output);
        if (context.bench().llm().isEmpty()) {
            oracleContext(context, workload, bootstrap, output);
        }
        if (workload.catalogue().isEmpty() && !workload.domainUsers().isEmpty()) {
            optionOnly(context, workload, bootstrap, output);
        }
        return output;
    }

    /**
     * The base model and the untrained cosine baseline, each given exactly the gold evidence as context:
     * the ceiling for memory injection, and whether pre-training earned its place.
     */
    static void oracleContext(RunContext context, Workload workload, Bootstrap bootstrap, ScenarioOutput output) {
        var embedder = context.bench().embedder();
        Map<String, AnswerModel> models = new java.util.LinkedHashMap<>();
        models.put(ApproachNames.ORACLE_CONTEXT, new EmbeddedAnswerModel(context.bench().baseModel(), embedder));
        models.put(ApproachNames.COSINE_ORACLE, new EmbeddedAnswerModel(new CosineBaselineScorer(), embedder));
        models.forEach((name, model) -> {
            double[] perUser = context.cell(ApproachNames.ORACLE_CONTEXT, workload, name, () -> new CellResult(List.of(),
                    Map.of(MetricNames.ACCURACY, List.copyOf(OracleContextControl.perUserAccuracy(workload, model).values())), List.of()))
                    .measurement(MetricNames.ACCURACY);
            if (perUser.length > 0) {
                output.metric(name, MetricNames.ACCURACY, bootstrap.mean(perUser, Units.FRACTION, true));
            }
        });
        output.note("oracle-context: the base model given exactly the gold evidence turns, the ceiling for injected memory; "
                + "cosine-baseline/oracle-context: an untrained scorer (cosine of option to question and context) on the same "
                + "input, which the pre-trained base model has to beat.");
    }

    /** The option-only control where option wording may give answers away (PrefEval): reported and said. */
    static void optionOnly(RunContext context, Workload workload, Bootstrap bootstrap, ScenarioOutput output) {
        double[] perUser = context.cell(ApproachNames.OPTION_ONLY, workload, ApproachNames.OPTION_ONLY, () -> {
            var accuracy = new OptionOnlyControl(context.bench().embedder(),
                    Seeds.derive(context.bench().config().seed(), ApproachNames.OPTION_ONLY)).perUserAccuracy(workload);
            return new CellResult(List.of(), Map.of(MetricNames.ACCURACY, List.copyOf(accuracy.values())), List.of());
        }).measurement(MetricNames.ACCURACY);
        if (perUser.length == 0) {
            return;
        }
        MetricValue accuracy = bootstrap.mean(perUser, Units.FRACTION, true);
        output.metric(ApproachNames.OPTION_ONLY, MetricNames.ACCURACY, accuracy);
        output.note(String.format(java.util.Locale.US, "option-only: a model that reads only the options' wording scores %.3f "
                + "(95%% CI %.3f to %.3f); accuracy below that is not credited to personalization.",
                accuracy.value(), accuracy.ciLow(), accuracy.ciHigh()));
    }

    /** Chance, and where defined the majority-option ceiling, over the same scored queries. */
    static void controls(Workload workload, Bootstrap bootstrap, ScenarioOutput output) {
        List<Double> chance = new ArrayList<>();
        List<Double> ceiling = new ArrayList<>();
        int queryCount = 0;
        for (UserData user : workload.evaluated()) {
            double chanceSum = 0;
            double ceilingSum = 0;
            int n = 0;
            for (Query query : user.queries()) {
                if (workload.isEvaluated(user, query)) {
                    chanceSum += 1.0 / query.options().size();
                    ceilingSum += query.majorityRate();
                    n++;
                }
            }
            if (n > 0) {
                queryCount += n;
                chance.add(chanceSum / n);
                if (Double.isFinite(ceilingSum)) {
                    ceiling.add(ceilingSum / n);
                }
            }
        }
        if (chance.isEmpty()) {
            return;
        }
        double chanceMean = chance.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        output.metric(ApproachNames.CHANCE, MetricNames.ACCURACY, MetricValue.exact(chanceMean, queryCount, Units.FRACTION, true));
        if (ceiling.size() == chance.size()) {
            output.metric(ApproachNames.MAJORITY_CEILING, MetricNames.ACCURACY,
                    bootstrap.mean(ceiling.stream().mapToDouble(Double::doubleValue).toArray(), Units.FRACTION, true));
            output.note("majority-ceiling: the accuracy of always giving each question's most common right answer; "
                    + "no approach that does not know the user can beat it.");
        }
    }
}
