package org.adaptbench.harness.approach;

import java.util.Objects;
import org.adaptbench.reports.results.ApproachNames;

/**
 * Which approach to build and under which of its conditions, as its results name spells it:
 * {@code user-lora/nightly} is approach {@code user-lora}, condition {@code nightly};
 * {@code user-lora-merged/retrain} the same approach served merged, condition {@code retrain}.
 *
 * @param approach the approach's wire name
 * @param condition the approach's own condition, "" for its default
 * @param merged served merged into the base weights
 */
public record Variant(String approach, String condition, boolean merged) {

    /** What a merged approach's base name ends with in results. */
    public static final String MERGED_SUFFIX = ApproachNames.MERGED_SUFFIX;

    public Variant {
        Objects.requireNonNull(approach, "approach");
        Objects.requireNonNull(condition, "condition");
    }

    /** The results name: base name, "-merged" when merged, "/condition" when there is one. */
    public String wireName() {
        String base = approach + (merged ? MERGED_SUFFIX : "");
        return condition.isEmpty() ? base : base + "/" + condition;
    }
}
