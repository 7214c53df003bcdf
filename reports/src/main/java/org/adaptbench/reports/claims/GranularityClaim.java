package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.GRANULARITY_MARGIN;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Verdict;

/** Memory personalizes per user; a fine-tuned model personalizes per model. */
final class GranularityClaim implements ClaimRule {

    static final String ID = "granularity";
    static final String METRIC = "accuracy_minority";
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
        Optional<MetricValue> memory = view.metric("granularity", "memory", METRIC);
        Optional<MetricValue> shared = view.metric("granularity", "global-lora", METRIC);
        if (memory.isEmpty() || shared.isEmpty()) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, "granularity", METRIC + " of memory and of global-lora");
        }
        Advantage advantage = Advantage.of(memory.get(), shared.get());
        List<String> evidence = new ArrayList<>();
        evidence.add("accuracy on minority answers: memory " + Figures.text(memory.get()) + ", global-lora "
                + Figures.text(shared.get()) + "; " + advantage.describe());
        for (String approach : List.of("memory", "global-lora")) {
            view.metric("granularity", approach, "accuracy_majority")
                    .ifPresent(value -> evidence.add(approach + " on majority answers " + Figures.text(value)));
        }
        for (String approach : List.of("variant-lora", "user-lora")) {
            view.metric("granularity", approach, METRIC)
                    .ifPresent(value -> evidence.add(approach + " (finer-grained fine-tuning) on minority answers " + Figures.text(value)));
        }
        Verdict verdict = advantage.verdict(GRANULARITY_MARGIN);
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict);
    }
}
