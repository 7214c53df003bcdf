package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.COMBINED_MARGIN;

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

/** A shared domain adapter plus memory beats both. */
final class CombinedClaim implements ClaimRule {

    static final String ID = "combined_best";
    static final String STATEMENT = "A shared domain adapter plus memory (combined) is more accurate than memory alone and"
            + " than the adapter alone.";
    /** The combined scenario's domain adapter served alone, without memory. */
    static final String ADAPTER_ONLY = ApproachNames.COMBINED + "/" + ApproachNames.ADAPTER_ONLY;
    static final String PARTS = "memory and " + ADAPTER_ONLY;
    static final String RULE = "Uses accuracy in the combined scenario, against memory and against the same domain adapter"
            + " without memory (" + ADAPTER_ONLY + "). Per part: "
            + Advantage.rule("combined is ahead", COMBINED_MARGIN)
            + " The claim is SUPPORTED when it is supported against both parts, CONTRADICTED when it is contradicted against"
            + " either, otherwise MIXED (also when only one part was measured).";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view) {
        Optional<MetricValue> combined = view.metric(ScenarioNames.COMBINED, ApproachNames.COMBINED, MetricNames.ACCURACY);
        Optional<MetricValue> memory = view.metric(ScenarioNames.COMBINED, ApproachNames.MEMORY, MetricNames.ACCURACY);
        Optional<MetricValue> adapter = view.metric(ScenarioNames.COMBINED, ADAPTER_ONLY, MetricNames.ACCURACY);
        if (combined.isEmpty() || (memory.isEmpty() && adapter.isEmpty())) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, ScenarioNames.COMBINED, "accuracy of combined and of " + PARTS);
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("combined " + Figures.text(combined.get()));
        List<Verdict> verdicts = new ArrayList<>();
        List<ClaimFigure> figures = new ArrayList<>();
        figures.add(ClaimFigure.of("combined accuracy", ApproachNames.COMBINED, MetricNames.ACCURACY, combined.get()));
        ClaimFigure deciding = null;
        String why = "";
        for (var part : List.of(java.util.Map.entry(ApproachNames.MEMORY, memory), java.util.Map.entry(ADAPTER_ONLY, adapter))) {
            if (part.getValue().isPresent()) {
                Advantage advantage = Advantage.of(combined.get(), part.getValue().get());
                verdicts.add(advantage.verdict(COMBINED_MARGIN));
                evidence.add(part.getKey() + " " + Figures.text(part.getValue().get()) + ", " + advantage.describe());
                ClaimFigure difference = Advantage.figure("combined − " + part.getKey() + " accuracy", ApproachNames.COMBINED, part.getKey(),
                        MetricNames.ACCURACY, combined.get(), part.getValue().get());
                figures.add(ClaimFigure.of(part.getKey() + " accuracy", part.getKey(), MetricNames.ACCURACY, part.getValue().get()));
                figures.add(difference);
                // the part combined is least clearly ahead of decides the claim
                if (deciding == null || difference.ciLow() < deciding.ciLow()) {
                    deciding = difference;
                    why = "against " + part.getKey() + ": " + advantage.why(ApproachNames.COMBINED, COMBINED_MARGIN);
                }
            } else {
                evidence.add(part.getKey() + " not measured");
            }
        }
        if (verdicts.size() < 2) {
            why += "; the other part was not measured";
        }
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict(verdicts))
                .withBasis(new ClaimBasis(deciding, why, figures));
    }

    /** One verdict per part measured (memory, the adapter alone). */
    static Verdict verdict(List<Verdict> perPart) {
        if (perPart.contains(Verdict.CONTRADICTED)) {
            return Verdict.CONTRADICTED;
        }
        return perPart.size() == 2 && perPart.stream().allMatch(v -> v == Verdict.SUPPORTED) ? Verdict.SUPPORTED : Verdict.MIXED;
    }
}
