package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.COMBINED_MARGIN;

import java.util.ArrayList;
import java.util.Comparator;
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
    /** The parts combined must beat: memory on the unchanged model, its adapter without memories, and the domain adapter trained without memories. */
    static final List<String> PARTS = List.of(ApproachNames.MEMORY, ADAPTER_ONLY, ApproachNames.DOMAIN_LORA);
    static final String RULE = "Uses the combined scenario's paired lift of combined over each part measured on the same users and"
            + " items: memory, " + ADAPTER_ONLY + " (its adapter asked without memories) and " + ApproachNames.DOMAIN_LORA
            + " (the same recipe trained and asked without memories). Per part: " + Paired.rule("combined is ahead", COMBINED_MARGIN)
            + " The claim is SUPPORTED when it is supported against memory and against at least one adapter part with every"
            + " measured part supported, CONTRADICTED when it is contradicted against any part, otherwise MIXED.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view, ComparisonFamily family) {
        Optional<MetricValue> combined = view.metric(ScenarioNames.COMBINED, ApproachNames.COMBINED, MetricNames.ACCURACY);
        List<Paired> parts = new ArrayList<>();
        for (String part : PARTS) {
            view.metric(ScenarioNames.COMBINED, ApproachNames.COMBINED, MetricNames.liftOver(part)).ifPresent(lift -> parts.add(Paired.of(
                    Claims.id(ID, view) + "/" + part, "combined − " + part + " accuracy", ApproachNames.COMBINED, part, MetricNames.ACCURACY,
                    lift, family)));
        }
        if (combined.isEmpty() || parts.isEmpty()) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, ScenarioNames.COMBINED,
                    "accuracy of combined and its paired lift over memory, " + ADAPTER_ONLY + " or " + ApproachNames.DOMAIN_LORA);
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("combined " + Figures.text(combined.get()));
        List<ClaimFigure> figures = new ArrayList<>();
        // the part combined is least clearly ahead of decides the claim
        Paired deciding = parts.stream().min(Comparator.comparingDouble((Paired p) -> p.difference().ciLow())).orElseThrow();
        figures.add(deciding.figure());
        parts.stream().filter(p -> p != deciding).forEach(p -> figures.add(p.figure()));
        figures.add(ClaimFigure.of("combined accuracy", ApproachNames.COMBINED, MetricNames.ACCURACY, combined.get()));
        for (Paired part : parts) {
            view.metric(ScenarioNames.COMBINED, part.opponent(), MetricNames.ACCURACY).ifPresent(value -> {
                evidence.add(part.opponent() + " " + Figures.text(value));
                figures.add(ClaimFigure.of(part.opponent() + " accuracy", part.opponent(), MetricNames.ACCURACY, value));
            });
            evidence.add(part.describe());
        }
        List<String> measured = parts.stream().map(Paired::opponent).toList();
        String why = "against " + deciding.opponent() + ": " + deciding.why(COMBINED_MARGIN);
        List<String> missing = PARTS.stream().filter(part -> !measured.contains(part)).toList();
        if (!missing.isEmpty()) {
            why += "; not measured: " + String.join(", ", missing);
        }
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict(parts))
                .withBasis(new ClaimBasis(deciding.figure(), why, figures));
    }

    /** Supported against memory and an adapter part with none short of it; contradicted against any. */
    static Verdict verdict(List<Paired> parts) {
        List<Verdict> verdicts = parts.stream().map(p -> p.verdict(COMBINED_MARGIN)).toList();
        if (verdicts.contains(Verdict.CONTRADICTED)) {
            return Verdict.CONTRADICTED;
        }
        boolean memory = parts.stream().anyMatch(p -> p.opponent().equals(ApproachNames.MEMORY));
        boolean adapter = parts.stream().anyMatch(p -> !p.opponent().equals(ApproachNames.MEMORY));
        return memory && adapter && verdicts.stream().allMatch(v -> v == Verdict.SUPPORTED) ? Verdict.SUPPORTED : Verdict.MIXED;
    }
}
