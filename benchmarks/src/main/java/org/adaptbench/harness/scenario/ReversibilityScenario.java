package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.finetune.cost.CostProjection;
import org.adaptbench.finetune.cost.CostSensitivity;
import org.adaptbench.finetune.cost.ModelCost;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.Effort;
import org.adaptbench.harness.approach.OnDemandTraining;
import org.adaptbench.harness.approach.ReplayClock;
import org.adaptbench.harness.approach.Sweep;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.extraction.Lineage;
import org.adaptbench.harness.extraction.MemoryTurns;
import org.adaptbench.harness.extraction.SharedExtraction;
import org.adaptbench.harness.model.Decision;
import org.adaptbench.harness.replay.Replay;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.personalization.extract.PreferenceExtractor;
import org.adaptbench.personalization.extract.PreferenceSignal;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Does deleting a preference revert behaviour, exactly and selectively? For users who ask to forget
 * a preference, each method's behaviour after the deletion is compared with a reference that never
 * learned the preference (the same method on the history without the turns that stated it):
 * agreement of choices on probes of the deleted dimension (exact revert = 1.0), agreement on the
 * user's other dimensions (the other preferences survive), and the time the deletion took.
 */
public final class ReversibilityScenario implements Scenario {

    static final String EXPERIMENT = ScenarioNames.REVERSIBILITY;

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return !cases(context, workload).isEmpty();
    }

    /** One user's deletion: where it is, what it deletes, and the probes asked afterwards. */
    record Case(UserData user, int deletion, TurnLabel deleted, List<Query> deletedProbes, List<Query> otherProbes) {
    }

    /** The methods compared: memory, full context, and each reversal method of per-user adapters, served plain and merged. */
    static List<ApproachSpec> methods(RunContext context, Workload workload) {
        List<ApproachSpec> methods = new ArrayList<>();
        for (ApproachSpec spec : context.approaches(spec -> spec.has(Capability.LEARNS_PER_USER))) {
            methods.addAll(spec.sweep(Sweep.REVERSIBILITY, context.approachContext(workload)));
        }
        return methods;
    }

    @Override
    public List<Runnable> cells(RunContext context, Workload workload) {
        return cells(context, workload, cases(context, workload));
    }

    private static List<Runnable> cells(RunContext context, Workload workload, List<Case> cases) {
        return applicableMethods(context, workload).stream().<Runnable>map(spec -> () -> context.cell(EXPERIMENT, workload,
                spec.wireName(), () -> measure(context, workload, spec, cases))).toList();
    }

    private static List<ApproachSpec> applicableMethods(RunContext context, Workload workload) {
        return methods(context, workload).stream().filter(spec -> context.applicable(spec, workload)).toList();
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        List<Case> cases = cases(context, workload);
        Map<ApproachSpec, CellResult> cells = new LinkedHashMap<>();
        context.prefetch(cells(context, workload, cases));
        for (ApproachSpec spec : applicableMethods(context, workload)) {
            CellResult cell = context.cell(EXPERIMENT, workload, spec.wireName(), () -> measure(context, workload, spec, cases));
            String method = spec.wireName();
            output.metric(method, MetricNames.REVERT_AGREEMENT, bootstrap.mean(cell.measurement(MetricNames.REVERT_AGREEMENT), Units.FRACTION, true));
            output.metric(method, MetricNames.REVERT_SCORE_DIFF, bootstrap.mean(cell.measurement(MetricNames.REVERT_SCORE_DIFF), Units.PROBABILITY, false));
            output.metric(method, MetricNames.SELECTIVE_RETENTION, bootstrap.mean(cell.measurement(MetricNames.SELECTIVE_RETENTION), Units.FRACTION, true));
            output.metric(method, MetricNames.REVERT_MS, bootstrap.mean(cell.measurement(MetricNames.REVERT_MS), Units.MS, false));
            forgetQuality(cell).ifPresent(p -> output.metric(method, MetricNames.FORGET_QUALITY_P, p));
            confusionNote(method, cell).ifPresent(output::note);
            cells.put(spec, cell);
        }
        pairedAgainstFineTuning(cells, bootstrap, output);
        projectedRetraining(cells.keySet(), output);
        output.note(MetricNames.FORGET_QUALITY_P + ": a Kolmogorov-Smirnov test (as TOFU's forget quality) between the probabilities"
                + " the reverted approach and the never-told reference give the reference's answer on every probe of the deleted"
                + " dimension; a high p-value means the two cannot be told apart.");
        output.note(cases.size() + " users asked to forget a preference; the reference is the same method on the history without "
                + "any turn about that preference's dimension (after the deletion the user has none there) and without the request. "
                + "Adapters are trained just before the deletion; merged ones are served merged into the base weights.");
        return output;
    }

    /** The KS p-value between the reverted approach's and the reference's scores (1 when both are one and the same value). */
    static Optional<MetricValue> forgetQuality(CellResult cell) {
        double[] subject = cell.measurement(SUBJECT_SCORES);
        double[] reference = cell.measurement(REFERENCE_SCORES);
        if (subject.length < 2 || reference.length < 2) {
            return Optional.empty();
        }
        double p = java.util.Arrays.equals(subject, reference) ? 1.0
                : new KolmogorovSmirnovTest().kolmogorovSmirnovTest(subject, reference);
        return Optional.of(MetricValue.exact(Math.min(1, Math.max(0, p)), subject.length, Units.PROBABILITY, true));
    }

    /**
     * For every approach that forgets through memory alone, its paired per-deletion difference in revert
     * agreement and selective retention against every fine-tuning reversal method: the comparisons the
     * reversibility claim is judged on (the same deletions, in the same order, for every method).
     */
    static void pairedAgainstFineTuning(Map<ApproachSpec, CellResult> cells, Bootstrap bootstrap, ScenarioOutput output) {
        cells.forEach((subject, mine) -> {
            if (!subject.has(Capability.RETRIEVES) || subject.has(Capability.CHANGES_WEIGHTS)) {
                return;
            }
            cells.forEach((opponent, theirs) -> {
                if (!opponent.has(Capability.CHANGES_WEIGHTS) || opponent.has(Capability.READS_CONTEXT)) {
                    return;
                }
                for (String metric : List.of(MetricNames.REVERT_AGREEMENT, MetricNames.SELECTIVE_RETENTION)) {
                    double[] a = mine.measurement(metric);
                    double[] b = theirs.measurement(metric);
                    if (a.length > 0 && a.length == b.length) {
                        output.metric(subject.wireName(), MetricNames.minus(metric, opponent.wireName()),
                                bootstrap.pairedMeanDifference(a, b, Units.FRACTION, true));
                    }
                }
            });
        });
    }

    /**
     * Reverting by retraining at real model sizes: one user's adapter retrained as the cost projection
     * prices a training job (its FLOPs at the training utilisation plus the fixed overhead per job),
     * with the range one-at-a-time variation of the cost assumptions gives. Projected, not measured.
     */
    static void projectedRetraining(java.util.Set<ApproachSpec> methods, ScenarioOutput output) {
        List<ApproachSpec> retraining = methods.stream().filter(spec -> spec.condition().equals(ApproachNames.RETRAIN)).toList();
        if (retraining.isEmpty()) {
            return;
        }
        CostSensitivity sensitivity = CostSensitivity.defaults();
        List<ModelCost> base = new CostProjection(sensitivity.base()).projectAll();
        List<List<ModelCost>> varied = sensitivity.variations(a -> a).stream()
                .map(variation -> new CostProjection(variation.assumptions()).projectAll()).toList();
        for (int m = 0; m < base.size(); m++) {
            int index = m;
            double ms = base.get(m).gpuHoursPerTraining() * 3_600_000;
            double low = varied.stream().mapToDouble(costs -> costs.get(index).gpuHoursPerTraining() * 3_600_000).min().orElse(ms);
            double high = varied.stream().mapToDouble(costs -> costs.get(index).gpuHoursPerTraining() * 3_600_000).max().orElse(ms);
            for (ApproachSpec spec : retraining) {
                output.metric(spec.wireName(), MetricNames.revertMsProjected(base.get(m).model().name()),
                        MetricValue.projected(ms, low, high, Units.MS, false));
            }
        }
        output.note(MetricNames.revertMsProjected("") + "<model>: PROJECTED time to revert by retraining one user's adapter on that"
                + " model (cost-assumptions.json: training FLOPs at the training utilisation plus the fixed overhead per job); the"
                + " interval is the range of the assumptions, not a measurement.");
    }

    /**
     * Memory's revert agreement split by whether the extractor confused the deleted dimension's slot:
     * a misfiled statement survives the slot's deletion.
     */
    static Optional<String> confusionNote(String method, CellResult cell) {
        double[] confused = cell.measurement(CONFUSED);
        double[] agreement = cell.measurement(MetricNames.REVERT_AGREEMENT);
        if (confused.length == 0 || confused.length != agreement.length) {
            return Optional.empty();
        }
        double[] sum = new double[2];
        int[] count = new int[2];
        for (int i = 0; i < confused.length; i++) {
            int group = confused[i] > 0 ? 1 : 0;
            sum[group] += agreement[i];
            count[group]++;
        }
        return Optional.of(String.format(java.util.Locale.US, "%s: in %d of %d deletions the extractor confused the deleted dimension's"
                + " slot with another (a turn before the request filed under the wrong one of the two, or the request read as"
                + " forgetting something else); revert agreement %s on those, %s on the other %d.",
                method, count[1], confused.length, count[1] == 0 ? "n/a" : String.format(java.util.Locale.US, "%.3f", sum[1] / count[1]),
                count[0] == 0 ? "n/a" : String.format(java.util.Locale.US, "%.3f", sum[0] / count[0]), count[0]));
    }

    /** Per deleted-dimension probe: the probability the reverted approach, and the never-told reference, give the reference's answer. */
    static final String SUBJECT_SCORES = "subject_scores";
    static final String REFERENCE_SCORES = "reference_scores";

    /** Per deletion, 1 when the extractor confused the deleted dimension's slot (misfiled turns or a misread request). */
    static final String CONFUSED = "extraction_confused";

    /** Whether the extractor reads the request as anything but forgetting the deleted dimension's slot. */
    private static boolean misdirected(PreferenceExtractor extractor, Case c) {
        Turn request = c.user().history().get(c.deletion());
        var signals = extractor.extract(c.user().userId(), MemoryTurns.of(request)).signals();
        return signals.isEmpty() || signals.stream().anyMatch(signal -> signal.action() != PreferenceSignal.Action.FORGET
                || !signal.slot().equals(c.deleted().dimension()));
    }

    /**
     * Whether the extractor confuses the deleted dimension's slot before the request: a turn about it
     * filed under another slot too (it survives the deletion), or read as no preference at all (memory
     * keeps every turn as an episode, linked to nothing, so the episode survives the deletion while the
     * reference never heard the turn), or a turn about another dimension filed under it (the deletion
     * takes it, the reference keeps it there).
     */
    private static boolean misfiled(Lineage lineage, Case c) {
        String slot = c.deleted().dimension();
        List<Turn> history = c.user().history();
        Set<String> about = deletedTurns(c);
        for (int i = 0; i < c.deletion(); i++) {
            Turn turn = history.get(i);
            Set<String> slots = lineage.slots(c.user().userId(), turn);
            boolean confused = about.contains(turn.turnId())
                    ? slots.isEmpty() || slots.stream().anyMatch(other -> !other.equals(slot))
                    : slots.contains(slot);
            if (confused) {
                return true;
            }
        }
        return false;
    }

    private static CellResult measure(RunContext context, Workload workload, ApproachSpec spec, List<Case> cases) {
        Map<String, List<Double>> measurements = new LinkedHashMap<>();
        // what memory reverts hangs on how the shared extractor filed the turns: say so where slots are known
        boolean diagnose = spec.has(Capability.RETRIEVES) && workload.catalogue().isPresent();
        SharedExtraction extraction = SharedExtraction.of(context.approachContext(workload));
        PreferenceExtractor extractor = diagnose ? extraction.extractor() : null;
        Lineage lineage = diagnose ? extraction.lineage() : null;
        for (Case c : cases) {
            if (diagnose) {
                add(measurements, CONFUSED, misfiled(lineage, c) || misdirected(extractor, c) ? 1 : 0);
            }
            List<Query> probes = new ArrayList<>(c.deletedProbes());
            probes.addAll(c.otherProbes());
            Effort[] deletion = new Effort[1];
            List<Decision> subject = play(context, workload, spec, c, false, deletion);
            List<Decision> reference = play(context, workload, spec, c, true, null);
            int deleted = c.deletedProbes().size();
            double agreement = 0;
            double scoreDiff = 0;
            for (int i = 0; i < deleted; i++) {
                agreement += subject.get(i).chosen() == reference.get(i).chosen() ? 1 : 0;
                double[] a = subject.get(i).probabilities();
                double[] b = reference.get(i).probabilities();
                double diff = 0;
                for (int k = 0; k < a.length; k++) {
                    diff += Math.abs(a[k] - b[k]);
                }
                scoreDiff += diff / a.length;
                // forget quality: how sure each is of the answer the never-told reference gives
                int referenceAnswer = reference.get(i).chosen();
                add(measurements, SUBJECT_SCORES, a[referenceAnswer]);
                add(measurements, REFERENCE_SCORES, b[referenceAnswer]);
            }
            double retained = 0;
            for (int i = deleted; i < probes.size(); i++) {
                retained += subject.get(i).chosen() == reference.get(i).chosen() ? 1 : 0;
            }
            add(measurements, MetricNames.REVERT_AGREEMENT, agreement / deleted);
            add(measurements, MetricNames.REVERT_SCORE_DIFF, scoreDiff / deleted);
            if (probes.size() > deleted) {
                add(measurements, MetricNames.SELECTIVE_RETENTION, retained / (probes.size() - deleted));
            }
            add(measurements, MetricNames.REVERT_MS, deletion[0].computeNanos() / 1e6);
        }
        return new CellResult(List.of(), measurements, List.of());
    }

    /**
     * Plays the user's history up to the deletion (the subject, ending with the deletion request) or
     * without the deleted preference's turns (the reference), then answers every probe.
     */
    private static List<Decision> play(RunContext context, Workload workload, ApproachSpec spec, Case c, boolean reference,
            Effort[] deletionEffort) {
        List<Turn> history = c.user().history();
        Set<String> skipped = reference ? deletedTurns(c) : Set.of();
        try (Approach approach = context.create(spec, workload)) {
            String userId = c.user().userId();
            Replay.of(c.user()).through(c.deletion()).queries(query -> false).skipping(skipped).play(approach, new Replay.Listener() { });
            Turn request = history.get(c.deletion());
            approach.role(OnDemandTraining.class).ifPresent(training -> training.trainNow(userId, request.timestamp()));
            // the reference is asked when the subject is, after the request
            approach.role(ReplayClock.class).ifPresent(clock -> clock.advanceClock(request.timestamp()));
            if (!reference) {
                deletionEffort[0] = Replay.deliver(approach, userId, request);
            }
            List<Decision> decisions = new ArrayList<>();
            for (Query probe : c.deletedProbes()) {
                decisions.add(approach.answer(userId, probe).decision());
            }
            for (Query probe : c.otherProbes()) {
                decisions.add(approach.answer(userId, probe).decision());
            }
            return decisions;
        }
    }

    /**
     * The turns the reference never learns: every turn about the deleted preference's dimension up to
     * the request, and the request. Earlier options on that dimension were already replaced by the
     * deleted one, so after the deletion the user has no preference there, which is what the
     * reference, never having heard of the dimension, holds too.
     */
    static Set<String> deletedTurns(Case c) {
        Set<String> turns = new LinkedHashSet<>();
        List<Turn> history = c.user().history();
        for (int i = 0; i <= c.deletion(); i++) {
            TurnLabel label = history.get(i).label();
            if (label.carriesPreference() && label.dimension().equals(c.deleted().dimension())) {
                turns.add(history.get(i).turnId());
            }
        }
        return turns;
    }

    /** The users (among the evaluated, at most the configured number) with a deletion request, and their probes. */
    static List<Case> cases(RunContext context, Workload workload) {
        int wanted = context.bench().config().reversibility().users();
        int perDimension = context.bench().config().reversibility().probesPerDimension();
        Map<String, List<Query>> questionsByDimension = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (UserData user : workload.dataset().users()) {
            for (Query query : user.queries()) {
                if (query.isMultipleChoice() && !query.dimension().isEmpty() && seen.add(query.question() + query.options())) {
                    questionsByDimension.computeIfAbsent(query.dimension(), d -> new ArrayList<>()).add(query);
                }
            }
        }
        List<Case> cases = new ArrayList<>();
        for (UserData user : workload.evaluated()) {
            if (cases.size() >= wanted) {
                break;
            }
            int deletion = -1;
            for (int i = 0; i < user.history().size(); i++) {
                if (user.history().get(i).label().kind() == TurnKind.DELETION) {
                    deletion = i;
                }
            }
            if (deletion < 0) {
                continue;
            }
            TurnLabel deleted = user.history().get(deletion).label();
            List<Query> deletedProbes = probes(questionsByDimension.getOrDefault(deleted.dimension(), List.of()), perDimension,
                    user, deletion, "deleted");
            List<Query> others = new ArrayList<>();
            for (Map.Entry<String, List<Query>> entry : new java.util.TreeMap<>(questionsByDimension).entrySet()) {
                if (!entry.getKey().equals(deleted.dimension())) {
                    others.addAll(probes(entry.getValue(), Math.max(1, perDimension / 2), user, deletion, "other-" + entry.getKey()));
                }
            }
            if (!deletedProbes.isEmpty()) {
                cases.add(new Case(user, deletion, deleted, deletedProbes, others));
            }
        }
        return cases;
    }

    /** Probe queries for a user at the deletion point: other users' questions, asked as this user's. */
    private static List<Query> probes(List<Query> questions, int count, UserData user, int deletion, String kind) {
        List<Query> probes = new ArrayList<>();
        for (int i = 0; i < Math.min(count, questions.size()); i++) {
            Query question = questions.get(i);
            probes.add(new Query(user.userId() + "/probe-" + kind + "-" + i, question.question(), question.options(), 0,
                    deletion + 1, List.of(), question.dimension(), "", Double.NaN));
        }
        return probes;
    }

    private static void add(Map<String, List<Double>> measurements, String name, double value) {
        measurements.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
}
