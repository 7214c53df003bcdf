package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.REVERT_MAX_MS;
import static org.adaptbench.reports.claims.ClaimThresholds.REVERT_MIN_AGREEMENT;
import static org.adaptbench.reports.claims.ClaimThresholds.REVERT_MIN_RETENTION;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    static final String RULE = "Uses the reversibility scenario (" + ApproachNames.MEMORY + " against every fine-tuning"
            + " reversal method). A method reverts cleanly when revert_agreement's low end is at least "
            + Figures.threshold(REVERT_MIN_AGREEMENT) + ", selective_retention's low end at least " + Figures.threshold(REVERT_MIN_RETENTION)
            + " and revert_ms's high end at most " + Figures.threshold(REVERT_MAX_MS) + " ms (absent figures are not held against it)."
            + " SUPPORTED when memory reverts cleanly and no measured fine-tuning method does; CONTRADICTED when memory's"
            + " revert_agreement high end is below " + Figures.threshold(REVERT_MIN_AGREEMENT) + " or its selective_retention high"
            + " end is below " + Figures.threshold(REVERT_MIN_RETENTION) + "; otherwise MIXED (also when no fine-tuning method was measured).";

    /** The figures of one reversal method. */
    record Reversal(String method, MetricValue agreement, Optional<MetricValue> retention, Optional<MetricValue> revertMs) {

        boolean clean() {
            return agreement.ciLow() >= REVERT_MIN_AGREEMENT
                    && retention.map(r -> r.ciLow() >= REVERT_MIN_RETENTION).orElse(true)
                    && revertMs.map(r -> r.ciHigh() <= REVERT_MAX_MS).orElse(true);
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
            return figures;
        }

        String describe() {
            return method + ": agreement " + Figures.text(agreement)
                    + retention.map(r -> ", retention " + Figures.text(r)).orElse("")
                    + revertMs.map(r -> ", revert time " + Figures.text(r)).orElse("");
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view) {
        List<String> measured = view.approachesWith(ScenarioNames.REVERSIBILITY, MetricNames.REVERT_AGREEMENT);
        Optional<String> memoryMethod = measured.contains(ApproachNames.MEMORY) ? Optional.of(ApproachNames.MEMORY) : Optional.empty();
        if (memoryMethod.isEmpty()) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, ScenarioNames.REVERSIBILITY,
                    MetricNames.REVERT_AGREEMENT + " of " + ApproachNames.MEMORY);
        }
        Reversal memory = reversal(view, memoryMethod.get());
        List<Reversal> fineTuning = new ArrayList<>();
        for (String method : measured) {
            if (ApproachNames.isFineTuning(view.results(), method)) {
                fineTuning.add(reversal(view, method));
            }
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(memory.describe());
        fineTuning.forEach(r -> evidence.add(r.describe() + (r.clean() ? " — reverts cleanly" : "")));
        Verdict verdict = verdict(memory, fineTuning);
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict)
                .withBasis(basis(verdict, memory, fineTuning));
    }

    /** Decided against the fine-tuning method that reverts best (highest agreement); memory's own figure when none was measured. */
    private static ClaimBasis basis(Verdict verdict, Reversal memory, List<Reversal> fineTuning) {
        List<ClaimFigure> figures = new ArrayList<>(memory.figures());
        fineTuning.forEach(r -> figures.addAll(r.figures()));
        Optional<Reversal> best = fineTuning.stream().max(java.util.Comparator.comparingDouble(r -> r.agreement().value()));
        ClaimFigure deciding = best.map(b -> Advantage.figure("memory − " + b.method() + ", revert agreement", memory.method(), b.method(),
                MetricNames.REVERT_AGREEMENT, memory.agreement(), b.agreement())).orElse(figures.get(0));
        if (best.isPresent()) {
            figures.add(0, deciding);
        }
        String cleanly = "reverts cleanly (agreement ≥ " + Figures.threshold(REVERT_MIN_AGREEMENT) + ", retention ≥ "
                + Figures.threshold(REVERT_MIN_RETENTION) + ", within " + Figures.threshold(REVERT_MAX_MS) + " ms)";
        String why = switch (verdict) {
            case SUPPORTED -> "memory " + cleanly + " and no fine-tuning method does";
            case CONTRADICTED -> "memory does not revert: its agreement or retention stays below the limit";
            default -> !memory.clean() ? "memory's figures do not clearly clear the limits"
                    : fineTuning.isEmpty() ? "no fine-tuning method was measured"
                    : fineTuning.stream().filter(Reversal::clean).map(Reversal::method).findFirst().orElse("a fine-tuning method")
                            + " also " + cleanly;
        };
        return new ClaimBasis(deciding, why, figures);
    }

    static Verdict verdict(Reversal memory, List<Reversal> fineTuning) {
        if (memory.failed()) {
            return Verdict.CONTRADICTED;
        }
        if (memory.clean() && !fineTuning.isEmpty() && fineTuning.stream().noneMatch(Reversal::clean)) {
            return Verdict.SUPPORTED;
        }
        return Verdict.MIXED;
    }

    private static Reversal reversal(ScenarioView view, String method) {
        return new Reversal(method, view.metric(ScenarioNames.REVERSIBILITY, method, MetricNames.REVERT_AGREEMENT).orElseThrow(),
                view.metric(ScenarioNames.REVERSIBILITY, method, MetricNames.SELECTIVE_RETENTION), view.metric(ScenarioNames.REVERSIBILITY, method, MetricNames.REVERT_MS));
    }
}
