package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.FORGET_MIN_KS_P;
import static org.adaptbench.reports.claims.ClaimThresholds.REVERT_MAX_MS;
import static org.adaptbench.reports.claims.ClaimThresholds.REVERT_MIN_AGREEMENT;
import static org.adaptbench.reports.claims.ClaimThresholds.REVERT_MIN_RETENTION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.ClaimBasis;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Verdict;

/** Deleting from memory reverts behaviour; fine-tuned behaviour cannot be cleanly undone. */
final class ReversibilityClaim implements ClaimRule {

    static final String ID = ScenarioNames.REVERSIBILITY;
    static final String STATEMENT = "Deleting a preference from memory reverts behaviour at once and selectively;"
            + " fine-tuned behaviour cannot be cleanly undone.";
    static final String PROJECTED_PREFIX = MetricNames.revertMsProjected("");
    static final String RULE = "Uses the reversibility scenario (" + ApproachNames.MEMORY + " against every fine-tuning"
            + " reversal method). A method reverts cleanly when revert_agreement's low end is at least "
            + Figures.threshold(REVERT_MIN_AGREEMENT) + ", selective_retention's low end at least " + Figures.threshold(REVERT_MIN_RETENTION)
            + ", revert_ms's high end at most " + Figures.threshold(REVERT_MAX_MS) + " ms here and at every projected model size"
            + " (revert_ms_projected_<model>: retraining one user's adapter on that model, from the cost assumptions; 'at once' must"
            + " hold where the product runs, not only on the harness's small model), and its answers after the revert are not told"
            + " apart from the never-stated reference's (forget_quality_ks_p, a Kolmogorov–Smirnov test, at least "
            + Figures.threshold(FORGET_MIN_KS_P) + "); absent figures are not held against it. SUPPORTED when memory reverts"
            + " cleanly and no measured fine-tuning method does; CONTRADICTED when memory's revert_agreement high end is below "
            + Figures.threshold(REVERT_MIN_AGREEMENT) + " or its selective_retention high end below " + Figures.threshold(REVERT_MIN_RETENTION)
            + ", or a fine-tuning method reverts cleanly and agrees with the reference significantly more than memory (paired,"
            + " " + ComparisonFamily.CORRECTION + "); otherwise MIXED (also when no fine-tuning method was measured).";

    /** The figures of one reversal method. */
    record Reversal(String method, MetricValue agreement, Optional<MetricValue> retention, Optional<MetricValue> revertMs,
            Optional<MetricValue> forgetQuality, Map<String, MetricValue> projectedMs) {

        boolean clean() {
            return agreement.ciLow() >= REVERT_MIN_AGREEMENT
                    && retention.map(r -> r.ciLow() >= REVERT_MIN_RETENTION).orElse(true)
                    && revertMs.map(r -> r.ciHigh() <= REVERT_MAX_MS).orElse(true)
                    && projectedMs.values().stream().allMatch(r -> r.ciHigh() <= REVERT_MAX_MS)
                    && forgetQuality.map(q -> q.value() >= FORGET_MIN_KS_P).orElse(true);
        }

        boolean failed() {
            return agreement.ciHigh() < REVERT_MIN_AGREEMENT || retention.map(r -> r.ciHigh() < REVERT_MIN_RETENTION).orElse(false);
        }

        /** This method's figures as claim figures. */
        List<ClaimFigure> figures() {
            List<ClaimFigure> figures = new ArrayList<>();
            figures.add(ClaimFigure.of(method + " revert agreement", method, MetricNames.REVERT_AGREEMENT, agreement));
            retention.ifPresent(r -> figures.add(ClaimFigure.of(method + " selective retention", method, MetricNames.SELECTIVE_RETENTION, r)));
            revertMs.ifPresent(r -> figures.add(ClaimFigure.of(method + " time to revert", method, MetricNames.REVERT_MS, r)));
            projectedMs.forEach((model, r) -> figures.add(ClaimFigure.of(method + " time to revert at " + model + " (projected)", method,
                    PROJECTED_PREFIX + model, r)));
            forgetQuality.ifPresent(q -> figures.add(ClaimFigure.of(method + " forget quality (KS p)", method, MetricNames.FORGET_QUALITY_P, q)));
            return figures;
        }

        String describe() {
            StringBuilder text = new StringBuilder(method + ": agreement " + Figures.text(agreement));
            retention.ifPresent(r -> text.append(", retention ").append(Figures.text(r)));
            revertMs.ifPresent(r -> text.append(", revert time ").append(Figures.text(r)));
            projectedMs.forEach((model, r) -> text.append(", at ").append(model).append(" ").append(Figures.text(r)).append(" (projected)"));
            forgetQuality.ifPresent(q -> text.append(", forget quality KS p = ").append(Figures.number(q.value())));
            return text.toString();
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view, ComparisonFamily family) {
        List<String> measured = view.approachesWith(ScenarioNames.REVERSIBILITY, MetricNames.REVERT_AGREEMENT);
        if (!measured.contains(ApproachNames.MEMORY)) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, ScenarioNames.REVERSIBILITY,
                    MetricNames.REVERT_AGREEMENT + " of " + ApproachNames.MEMORY);
        }
        Reversal memory = reversal(view, ApproachNames.MEMORY);
        List<Reversal> fineTuning = new ArrayList<>();
        List<Paired> paired = new ArrayList<>();
        for (String method : measured) {
            if (ApproachNames.isFineTuning(view.results(), method)) {
                fineTuning.add(reversal(view, method));
                view.metric(ScenarioNames.REVERSIBILITY, ApproachNames.MEMORY, MetricNames.minus(MetricNames.REVERT_AGREEMENT, method))
                        .ifPresent(diff -> paired.add(Paired.of(Claims.id(ID, view) + "/" + method, "memory − " + method + ", revert agreement",
                                ApproachNames.MEMORY, method, MetricNames.REVERT_AGREEMENT, diff, family)));
            }
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(memory.describe());
        fineTuning.forEach(r -> evidence.add(r.describe() + (r.clean() ? " — reverts cleanly" : "")));
        paired.forEach(p -> evidence.add(p.describe()));
        Verdict verdict = verdict(memory, fineTuning, paired);
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict)
                .withBasis(basis(verdict, memory, fineTuning, paired));
    }

    /** Decided against the fine-tuning method that reverts best (highest agreement); memory's own figure when none was measured. */
    private static ClaimBasis basis(Verdict verdict, Reversal memory, List<Reversal> fineTuning, List<Paired> paired) {
        List<ClaimFigure> figures = new ArrayList<>(memory.figures());
        fineTuning.forEach(r -> figures.addAll(r.figures()));
        Optional<Reversal> best = fineTuning.stream().max(java.util.Comparator.comparingDouble(r -> r.agreement().value()));
        Optional<Paired> against = best.flatMap(b -> paired.stream().filter(p -> p.opponent().equals(b.method())).findFirst());
        ClaimFigure deciding = against.map(Paired::figure).orElse(figures.get(0));
        paired.forEach(p -> figures.add(0, p.figure()));
        if (against.isPresent()) {
            figures.remove(deciding);
            figures.add(0, deciding);
        }
        String cleanly = "reverts cleanly (agreement ≥ " + Figures.threshold(REVERT_MIN_AGREEMENT) + ", retention ≥ "
                + Figures.threshold(REVERT_MIN_RETENTION) + ", within " + Figures.threshold(REVERT_MAX_MS) + " ms also at projected sizes,"
                + " KS p ≥ " + Figures.threshold(FORGET_MIN_KS_P) + ")";
        String why = switch (verdict) {
            case SUPPORTED -> "memory " + cleanly + " and no fine-tuning method does"
                    + best.map(b -> "; the closest, " + b.method() + ", " + shortfall(b)).orElse("");
            case CONTRADICTED -> memory.failed() ? "memory does not revert: its agreement or retention stays below the limit"
                    : "a fine-tuning method " + cleanly + " and agrees with the reference significantly more than memory";
            default -> !memory.clean() ? "memory's figures do not clearly clear the limits"
                    : fineTuning.isEmpty() ? "no fine-tuning method was measured"
                    : fineTuning.stream().filter(Reversal::clean).map(Reversal::method).findFirst().orElse("a fine-tuning method")
                            + " also " + cleanly;
        };
        return new ClaimBasis(deciding, why, figures);
    }

    /** What keeps a fine-tuning method from reverting cleanly, in words. */
    private static String shortfall(Reversal r) {
        List<String> reasons = new ArrayList<>();
        if (r.agreement().ciLow() < REVERT_MIN_AGREEMENT) {
            reasons.add("agreement " + Figures.text(r.agreement()));
        }
        r.retention().filter(x -> x.ciLow() < REVERT_MIN_RETENTION).ifPresent(x -> reasons.add("retention " + Figures.text(x)));
        r.revertMs().filter(x -> x.ciHigh() > REVERT_MAX_MS).ifPresent(x -> reasons.add("revert time " + Figures.text(x)));
        r.projectedMs().forEach((model, x) -> {
            if (x.ciHigh() > REVERT_MAX_MS) {
                reasons.add("revert time at " + model + " " + Figures.text(x) + " (projected)");
            }
        });
        r.forgetQuality().filter(q -> q.value() < FORGET_MIN_KS_P).ifPresent(q -> reasons.add("KS p = " + Figures.number(q.value())));
        return reasons.isEmpty() ? "misses no limit" : "misses on " + String.join(", ", reasons);
    }

    static Verdict verdict(Reversal memory, List<Reversal> fineTuning, List<Paired> paired) {
        boolean beaten = fineTuning.stream().filter(Reversal::clean).anyMatch(r -> paired.stream()
                .anyMatch(p -> p.opponent().equals(r.method()) && p.significant() && p.difference().ciHigh() < 0));
        if (memory.failed() || beaten) {
            return Verdict.CONTRADICTED;
        }
        if (memory.clean() && !fineTuning.isEmpty() && fineTuning.stream().noneMatch(Reversal::clean)) {
            return Verdict.SUPPORTED;
        }
        return Verdict.MIXED;
    }

    private static Reversal reversal(ScenarioView view, String method) {
        Map<String, MetricValue> projected = new TreeMap<>();
        for (String metric : view.metricsStartingWith(ScenarioNames.REVERSIBILITY, method, PROJECTED_PREFIX)) {
            projected.put(metric.substring(PROJECTED_PREFIX.length()), view.metric(ScenarioNames.REVERSIBILITY, method, metric).orElseThrow());
        }
        return new Reversal(method, view.metric(ScenarioNames.REVERSIBILITY, method, MetricNames.REVERT_AGREEMENT).orElseThrow(),
                view.metric(ScenarioNames.REVERSIBILITY, method, MetricNames.SELECTIVE_RETENTION),
                view.metric(ScenarioNames.REVERSIBILITY, method, MetricNames.REVERT_MS),
                view.metric(ScenarioNames.REVERSIBILITY, method, MetricNames.FORGET_QUALITY_P), projected);
    }
}
