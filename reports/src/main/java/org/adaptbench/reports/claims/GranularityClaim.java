package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.GRANULARITY_MARGIN;

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

/** Memory personalizes per user; a fine-tuned model personalizes per model. */
final class GranularityClaim implements ClaimRule {

    static final String ID = ScenarioNames.GRANULARITY;
    static final String METRIC = MetricNames.ACCURACY_MINORITY;
    static final String STATEMENT = "Memory personalizes per user; fine-tuning personalizes per model, so users whose"
            + " preferences differ from the majority lose out.";
    static final String RULE = "Compares accuracy on minority answers (granularity scenario, accuracy_minority: queries whose"
            + " right answer is not the one most users asked the same question need) of memory against one shared adapter"
            + " (global-lora). " + Advantage.rule("memory is ahead of global-lora", GRANULARITY_MARGIN)
            + " Not measured on data sets without a majority answer per question (PrefEval).";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view) {
        Optional<MetricValue> memory = view.metric(ScenarioNames.GRANULARITY, ApproachNames.MEMORY, METRIC);
        Optional<MetricValue> shared = view.metric(ScenarioNames.GRANULARITY, ApproachNames.GLOBAL_LORA, METRIC);
        if (memory.isEmpty() || shared.isEmpty()) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, ScenarioNames.GRANULARITY, METRIC + " of memory and of global-lora");
        }
        Advantage advantage = Advantage.of(memory.get(), shared.get());
        ClaimFigure deciding = Advantage.figure("memory − global-lora on minority answers", ApproachNames.MEMORY, ApproachNames.GLOBAL_LORA,
                METRIC, memory.get(), shared.get());
        List<ClaimFigure> figures = new ArrayList<>(List.of(deciding,
                ClaimFigure.of("memory on minority answers", ApproachNames.MEMORY, METRIC, memory.get()),
                ClaimFigure.of("global-lora on minority answers", ApproachNames.GLOBAL_LORA, METRIC, shared.get())));
        List<String> evidence = new ArrayList<>();
        evidence.add("accuracy on minority answers: memory " + Figures.text(memory.get()) + ", global-lora "
                + Figures.text(shared.get()) + "; " + advantage.describe());
        for (String approach : List.of(ApproachNames.MEMORY, ApproachNames.GLOBAL_LORA)) {
            view.metric(ScenarioNames.GRANULARITY, approach, MetricNames.ACCURACY_MAJORITY)
                    .ifPresent(value -> {
                        evidence.add(approach + " on majority answers " + Figures.text(value));
                        figures.add(ClaimFigure.of(approach + " on majority answers", approach, MetricNames.ACCURACY_MAJORITY, value));
                    });
        }
        for (String approach : List.of(ApproachNames.VARIANT_LORA, ApproachNames.USER_LORA)) {
            view.metric(ScenarioNames.GRANULARITY, approach, METRIC)
                    .ifPresent(value -> {
                        evidence.add(approach + " (finer-grained fine-tuning) on minority answers " + Figures.text(value));
                        figures.add(ClaimFigure.of(approach + " on minority answers", approach, METRIC, value));
                    });
        }
        Verdict verdict = advantage.verdict(GRANULARITY_MARGIN);
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict)
                .withBasis(new ClaimBasis(deciding, advantage.why(ApproachNames.MEMORY, GRANULARITY_MARGIN), figures));
    }
}
