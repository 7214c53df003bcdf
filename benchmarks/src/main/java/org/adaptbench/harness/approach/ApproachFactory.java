package org.adaptbench.harness.approach;

import java.util.List;

/** Creates one approach of the comparison for one workload; each registry entry carries one. */
@FunctionalInterface
public interface ApproachFactory {

    /** A new instance of the approach under {@code variant}, built from the workload's shared services. */
    Approach create(Variant variant, ApproachContext context);

    /** Whether {@code condition} (the part after "/" in a results name) names one of this approach's conditions. */
    default boolean accepts(String condition) {
        return condition.isEmpty();
    }

    /** The variants a sweep measures the approach under, given its plain variant; by default the approach as it is. */
    default List<Variant> variants(Sweep sweep, Variant plain, ApproachContext context) {
        return List.of(plain);
    }
}
