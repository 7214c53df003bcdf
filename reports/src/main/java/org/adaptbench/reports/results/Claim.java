package org.adaptbench.reports.results;

import java.util.Objects;

/**
 * One claim of the memory-versus-fine-tuning comparison with its evidence and computed verdict.
 *
 * @param id stable snake_case identifier (ScenarioNames.GRANULARITY, "adaptation_speed", ...)
 * @param statement the claim as people make it
 * @param evidence the measured numbers the verdict rests on, as readable text
 * @param rule the threshold rule that turned the numbers into the verdict
 * @param verdict the computed verdict
 */
public record Claim(String id, String statement, String evidence, String rule, Verdict verdict) {

    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
    }
}
