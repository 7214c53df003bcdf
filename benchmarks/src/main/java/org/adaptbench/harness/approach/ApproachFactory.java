package org.adaptbench.harness.approach;

import java.util.List;
import java.util.Optional;

/** Creates one approach of the comparison for one workload; each registry entry carries one. */
@FunctionalInterface
public interface ApproachFactory {

    /** A new instance of the approach under {@code variant}, built from the workload's shared services. */
    Approach create(Variant variant, ApproachContext context);

    /**
     * Why the approach cannot run on the context's workload, if it cannot (it needs data the workload
     * does not have); the run then says so in its notes instead of measuring it.
     */
    default Optional<String> unavailable(ApproachContext context) {
        return Optional.empty();
    }

    /** Whether {@code condition} (the part after "/" in a results name) names one of this approach's conditions. */
    default boolean accepts(String condition) {
        return condition.isEmpty();
    }

    /** The variants a sweep measures the approach under, given its plain variant; by default the approach as it is. */
    default List<Variant> variants(Sweep sweep, Variant plain, ApproachContext context) {
        return List.of(plain);
    }
}
