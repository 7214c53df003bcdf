package org.adaptbench.reports.results;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The approach and control names of DESIGN.md and the order people read them in.
 *
 * <p>Sub-conditions ({@code user-lora/nightly}, {@code memory/delete}) follow their approach;
 * controls ({@code chance}, {@code majority-ceiling}, {@code option-only}) come last; names this
 * build does not know sort after the known ones, alphabetically, so new approaches still render.
 */
public final class ApproachNames {

    /** Approaches in the order of the comparison: no personalization, memory, fine-tuning, both. */
    public static final List<String> APPROACHES = List.of(
            "none", "full-context", "memory", "global-lora", "variant-lora", "user-lora", "user-lora-merged", "combined");

    /** Pseudo-approaches that bound what personalization can be credited with. */
    public static final List<String> CONTROLS = List.of("chance", "majority-ceiling", "option-only");

    /** Approaches that change weights (a sub-condition counts as its approach). */
    public static final Set<String> FINE_TUNING = Set.of("global-lora", "variant-lora", "user-lora", "user-lora-merged");

    /** Canonical reading order over approach names. */
    public static final Comparator<String> ORDER = Comparator
            .comparingInt(ApproachNames::rank)
            .thenComparing(ApproachNames::base)
            .thenComparing(name -> name.contains("/") ? 1 : 0)
            .thenComparing(Comparator.naturalOrder());

    private ApproachNames() {
    }

    /** The approach a name belongs to: {@code user-lora/nightly} → {@code user-lora}. */
    public static String base(String name) {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    public static boolean isControl(String name) {
        return CONTROLS.contains(base(name));
    }

    public static boolean isFineTuning(String name) {
        return FINE_TUNING.contains(base(name));
    }

    private static int rank(String name) {
        String base = base(name);
        int approach = APPROACHES.indexOf(base);
        if (approach >= 0) {
            return approach;
        }
        int control = CONTROLS.indexOf(base);
        return control >= 0 ? APPROACHES.size() + 1 + control : APPROACHES.size();
    }
}
