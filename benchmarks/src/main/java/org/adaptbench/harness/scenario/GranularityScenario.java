package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.finetune.model.CosineBaselineScorer;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.Sweep;
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
    public List<Runnable> cells(RunContext context, Workload workload) {
        return ReplayExperiment.replays(context, List.of(workload),
                w -> measured(context, w).stream().filter(spec -> context.applicable(spec, w)).toList());
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        QueryIndex queries = new QueryIndex(workload);
        Bootstrap bootstrap = context.bench().bootstrap(key);
        AccuracyMetrics accuracy = context.bench().accuracy(key, queries);
        Map<String, List<Sample>> byApproach = new LinkedHashMap<>();
        List<ApproachSpec> measured = measured(context, workload);
        context.prefetch(cells(context, workload));
        for (ApproachSpec spec : measured) {
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
        pairedAgainstFineTuning(measured, byApproach, queries, accuracy, output);
        power(output);
        controls(workload, bootstrap, output);
        competence(output);
        if (context.bench().llm().isEmpty()) {
            oracleContext(context, workload, bootstrap, output);
        }
        if (workload.catalogue().isEmpty() && !workload.domainUsers().isEmpty()) {
            optionOnly(context, workload, bootstrap, output);
        }
        return output;
    }

    /**
     * The run's approaches, each under every retraining cadence it has and beside its parts served
     * alone (a per-user adapter at every cadence, the combined approach's domain adapter without
     * memories), so a claim can be judged against the best of them. The replays are the cells every
     * other scenario of the workload reads.
     */
    static List<ApproachSpec> measured(RunContext context, Workload workload) {
        ApproachContext approaches = context.approachContext(workload);
        java.util.LinkedHashSet<ApproachSpec> specs = new java.util.LinkedHashSet<>();
        for (ApproachSpec spec : context.approaches()) {
            specs.addAll(spec.sweep(Sweep.ADAPTATION, approaches));
            specs.addAll(spec.sweep(Sweep.PARTS, approaches));
        }
        return List.copyOf(specs);
    }

    /**
     * Fine-tuning as an opponent: an approach that changes weights and reads no context, or the part of
     * one that serves its adapter alone.
     */
    static boolean fineTuning(ApproachSpec spec) {
        return spec.has(Capability.CHANGES_WEIGHTS) && (!spec.has(Capability.READS_CONTEXT) || !spec.condition().isEmpty());
    }

    /**
     * For every approach that personalizes through memory alone (it retrieves and changes no weights),
     * its paired per-user difference against every fine-tuning approach measured, on accuracy and, where
     * the data set defines it, on minority answers: the comparisons the granularity claim is judged on.
     */
    static void pairedAgainstFineTuning(List<ApproachSpec> measured, Map<String, List<Sample>> byApproach, QueryIndex queries,
            AccuracyMetrics accuracy, ScenarioOutput output) {
        for (ApproachSpec subject : measured) {
            List<Sample> mine = byApproach.get(subject.wireName());
            if (mine == null || !subject.has(Capability.RETRIEVES) || subject.has(Capability.CHANGES_WEIGHTS)) {
                continue;
            }
            for (ApproachSpec opponent : measured) {
                List<Sample> theirs = byApproach.get(opponent.wireName());
                if (theirs == null || !fineTuning(opponent)) {
                    continue;
                }
                accuracy.lift(mine, theirs).ifPresent(diff -> output.metric(subject.wireName(),
                        MetricNames.minus(MetricNames.ACCURACY, opponent.wireName()), diff));
                List<Sample> myMinority = mine.stream().filter(sample -> queries.minority(sample.queryId())).toList();
                if (!myMinority.isEmpty()) {
                    List<Sample> theirMinority = theirs.stream().filter(sample -> queries.minority(sample.queryId())).toList();
                    accuracy.lift(myMinority, theirMinority).ifPresent(diff -> output.metric(subject.wireName(),
                            MetricNames.minus(MetricNames.ACCURACY_MINORITY, opponent.wireName()), diff));
                }
            }
        }
    }

    /**
     * The competence check of the shared adapters: an adapter trained on every user's picks should at
     * least learn the population's majority answers, which is what the majority-option ceiling scores.
     */
    static void competence(ScenarioOutput output) {
        MetricValue ceiling = output.metrics().getOrDefault(ApproachNames.MAJORITY_CEILING, Map.of()).get(MetricNames.ACCURACY);
        if (ceiling == null) {
            return;
        }
        output.metrics().forEach((approach, metrics) -> {
            MetricValue accuracy = metrics.get(MetricNames.ACCURACY);
            if (accuracy == null || !(approach.equals(ApproachNames.GLOBAL_LORA) || approach.equals(ApproachNames.DOMAIN_LORA))) {
                return;
            }
            boolean reaches = accuracy.ciHigh() >= ceiling.value();
            output.note(String.format(java.util.Locale.US, "competence: %s scores %s against the majority-option ceiling %s: it %s.",
                    approach, org.adaptbench.reports.results.Figures.text(accuracy), org.adaptbench.reports.results.Figures.text(ceiling),
                    reaches ? "reaches the ceiling within its interval (it learned the population's majority answers)"
                            : String.format(java.util.Locale.US, "falls short by %.3f even at its interval's top: it has not learned the"
                                    + " population's majority answers", ceiling.value() - accuracy.ciHigh())));
        });
    }

    /**
     * The smallest accuracy difference this run can tell apart, said in the notes: for a two-sided test
     * at 5% with 80% power, (1.96 + 0.84) standard errors, which is 1.43 times the half-width of a 95%
     * interval; taken from the widest paired difference of memory against the reference.
     */
    static void power(ScenarioOutput output) {
        output.metrics().forEach((approach, metrics) -> {
            MetricValue lift = metrics.get(MetricNames.LIFT_OVER_NONE);
            if (lift == null || !approach.equals(ApproachNames.MEMORY)) {
                return;
            }
            double halfWidth = (lift.ciHigh() - lift.ciLow()) / 2;
            output.note(String.format(java.util.Locale.US, "power: with %d users and %d distinct items, the smallest paired accuracy"
                    + " difference this run detects at 80%% power (5%%, two-sided) is about %.3f (1.43 x the half-width of memory's"
                    + " lift over none); differences below it are not resolved.", lift.n(), lift.items(), 1.43 * halfWidth));
        });
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

    /** Chance, and where defined the majority-option ceiling, over the same scored queries (the tuning search's too). */
    public static void controls(Workload workload, Bootstrap bootstrap, ScenarioOutput output) {
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
