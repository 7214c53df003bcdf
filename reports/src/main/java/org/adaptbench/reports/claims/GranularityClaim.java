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
    static final String STATEMENT = "Memory personalizes per user; fine-tuning personalizes per model, so users whose"
            + " preferences differ from the majority lose out.";
    static final String RULE = "Compares the worst group's accuracy (granularity scenario, accuracy_worst_group) of memory"
            + " against one shared adapter (global-lora). " + Advantage.rule("memory is ahead of global-lora", GRANULARITY_MARGIN);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view) {
        Optional<MetricValue> memory = view.metric("granularity", "memory", "accuracy_worst_group");
        Optional<MetricValue> shared = view.metric("granularity", "global-lora", "accuracy_worst_group");
        if (memory.isEmpty() || shared.isEmpty()) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, "granularity",
                    "accuracy_worst_group of memory and of global-lora");
        }
        Advantage advantage = Advantage.of(memory.get(), shared.get());
        List<String> evidence = new ArrayList<>();
        evidence.add("worst-group accuracy: memory " + Figures.text(memory.get()) + ", global-lora " + Figures.text(shared.get())
                + "; " + advantage.describe());
        for (String approach : List.of("variant-lora", "user-lora")) {
            view.metric("granularity", approach, "accuracy_worst_group")
                    .ifPresent(value -> evidence.add(approach + " (finer-grained fine-tuning) " + Figures.text(value)));
        }
        Verdict verdict = advantage.verdict(GRANULARITY_MARGIN);
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict);
    }
}
