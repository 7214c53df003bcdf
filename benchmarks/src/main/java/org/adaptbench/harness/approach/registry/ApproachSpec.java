package org.adaptbench.harness.approach.registry;

import java.util.List;
import java.util.Objects;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.Sweep;
import org.adaptbench.harness.approach.Variant;
import org.adaptbench.harness.usage.UsageException;

/**
 * An approach of the registry under one of its conditions, as a results name spells it:
 * "user-lora/nightly", "user-lora/retrain", "user-lora-merged/gradient-ascent", "combined/adapter-only".
 *
 * @param kind the registry entry
 * @param condition the approach's own condition ("" for its default), which its factory accepts
 * @param merged served merged into the base weights (approaches that declare {@link Capability#SERVES_MERGED})
 */
public record ApproachSpec(ApproachKind kind, String condition, boolean merged) {

    public ApproachSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(condition, "condition");
        if (merged && !kind.has(Capability.SERVES_MERGED)) {
            throw new UsageException(kind.wireName() + " cannot be served merged");
        }
        if (!kind.factory().accepts(condition)) {
            throw new UsageException("approach " + kind.wireName() + " has no condition '" + condition + "'");
        }
    }

    public static ApproachSpec of(ApproachKind kind) {
        return new ApproachSpec(kind, "", false);
    }

    /** Parses a results name; fails naming the part it does not know. */
    public static ApproachSpec parse(String name) {
        int slash = name.indexOf('/');
        String base = (slash < 0 ? name : name.substring(0, slash)).trim();
        String condition = slash < 0 ? "" : name.substring(slash + 1).trim();
        boolean merged = base.endsWith(Variant.MERGED_SUFFIX);
        String baseName = merged ? base.substring(0, base.length() - Variant.MERGED_SUFFIX.length()) : base;
        ApproachKind kind = ApproachKind.parse(baseName).orElseThrow(() -> new UsageException(
                "unknown approach '" + baseName + "'; choose from " + ApproachKind.allNames()));
        return new ApproachSpec(kind, condition, merged);
    }

    /** The approach-neutral form its factory builds from. */
    public Variant variant() {
        return new Variant(kind.wireName(), condition, merged);
    }

    /** The results name this spec parses from. */
    public String wireName() {
        return variant().wireName();
    }

    public boolean has(Capability capability) {
        return kind.has(capability);
    }

    /** A new instance for one workload. */
    public Approach create(ApproachContext context) {
        return kind.factory().create(variant(), context);
    }

    /** The specs a sweep measures this approach under (its cadences, its reversal methods, ...). */
    public List<ApproachSpec> sweep(Sweep sweep, ApproachContext context) {
        return kind.factory().variants(sweep, variant(), context).stream()
                .map(variant -> new ApproachSpec(kind, variant.condition(), variant.merged())).toList();
    }
}
