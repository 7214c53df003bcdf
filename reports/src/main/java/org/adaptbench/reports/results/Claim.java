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
 * @param basis the same evidence as structured figures: the deciding comparison, why, and every figure
 *     ({@link ClaimBasis#NONE} when not measured, and in files written before claims carried it)
 */
public record Claim(String id, String statement, String evidence, String rule, Verdict verdict, ClaimBasis basis) {

    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        basis = basis == null ? ClaimBasis.NONE : basis;
    }

    /** A claim whose evidence is text only. */
    public Claim(String id, String statement, String evidence, String rule, Verdict verdict) {
        this(id, statement, evidence, rule, verdict, ClaimBasis.NONE);
    }

    /** The same claim with its structured basis. */
    public Claim withBasis(ClaimBasis newBasis) {
        return new Claim(id, statement, evidence, rule, verdict, newBasis);
    }

    /** The same claim under another id (a data set's claim standing for the claim as a whole). */
    public Claim withId(String newId) {
        return new Claim(newId, statement, evidence, rule, verdict, basis);
    }
}
