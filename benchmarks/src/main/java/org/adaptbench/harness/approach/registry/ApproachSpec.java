package org.adaptbench.harness.approach.registry;

import java.util.Objects;
import java.util.Optional;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.approach.lora.Cadence;
import org.adaptbench.harness.approach.lora.ReversalMethod;

/**
 * An approach with its sub-condition, parsed from a results name: "user-lora/nightly",
 * "user-lora/retrain", "user-lora-merged/gradient-ascent", "combined/adapter-only".
 *
 * @param kind the approach
 * @param cadence retraining cadence of a per-user adapter (its default when empty)
 * @param reversal how a per-user adapter acts on deletions (retraining when empty)
 * @param merged whether the per-user adapter is merged into the base weights for serving
 * @param adapterOnly for "combined": the domain adapter with no memory injected
 */
public record ApproachSpec(ApproachKind kind, Optional<Cadence> cadence, Optional<ReversalMethod> reversal, boolean merged,
        boolean adapterOnly) {

    public static final String MERGED_SUFFIX = "-merged";
    public static final String ADAPTER_ONLY = "adapter-only";

    public ApproachSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cadence, "cadence");
        Objects.requireNonNull(reversal, "reversal");
    }

    public static ApproachSpec of(ApproachKind kind) {
        return new ApproachSpec(kind, Optional.empty(), Optional.empty(), false, false);
    }

    /** Parses a results name; fails naming the part it does not know. */
    public static ApproachSpec parse(String name) {
        int slash = name.indexOf('/');
        String base = slash < 0 ? name : name.substring(0, slash);
        String condition = slash < 0 ? "" : name.substring(slash + 1);
        boolean merged = base.endsWith(MERGED_SUFFIX);
        if (merged) {
            base = base.substring(0, base.length() - MERGED_SUFFIX.length());
        }
        String baseName = base;
        ApproachKind kind = ApproachKind.parse(baseName).orElseThrow(() -> new UsageException(
                "unknown approach '" + baseName + "'; choose from " + ApproachKind.allNames()));
        if (merged && kind != ApproachKind.USER_LORA) {
            throw new UsageException("only user-lora can be merged, not " + kind.wireName());
        }
        if (condition.isEmpty()) {
            return new ApproachSpec(kind, Optional.empty(), Optional.empty(), merged, false);
        }
        if (kind == ApproachKind.COMBINED && condition.equals(ADAPTER_ONLY)) {
            return new ApproachSpec(kind, Optional.empty(), Optional.empty(), false, true);
        }
        if (kind == ApproachKind.USER_LORA) {
            Optional<ReversalMethod> reversal = ReversalMethod.parse(condition);
            if (reversal.isPresent()) {
                return new ApproachSpec(kind, Optional.empty(), reversal, merged, false);
            }
            return new ApproachSpec(kind, Optional.of(Cadence.parse(condition)), Optional.empty(), merged, false);
        }
        throw new UsageException("approach " + kind.wireName() + " has no condition '" + condition + "'");
    }

    /** The results name this spec parses from. */
    public String wireName() {
        String base = kind.wireName() + (merged ? MERGED_SUFFIX : "");
        if (adapterOnly) {
            return base + "/" + ADAPTER_ONLY;
        }
        return reversal.map(r -> base + "/" + r.wireName())
                .or(() -> cadence.map(c -> base + "/" + c.wireName()))
                .orElse(base);
    }
}
