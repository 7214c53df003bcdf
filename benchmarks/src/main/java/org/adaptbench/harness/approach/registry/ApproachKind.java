package org.adaptbench.harness.approach.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The approaches of the comparison, by their stable wire names; the enum is also the factory (see {@code Approaches}). */
public enum ApproachKind {
    NONE("none", false),
    FULL_CONTEXT("full-context", false),
    MEMORY("memory", false),
    GLOBAL_LORA("global-lora", true),
    VARIANT_LORA("variant-lora", true),
    USER_LORA("user-lora", true),
    COMBINED("combined", true);

    private final String wireName;
    private final boolean needsWeights;

    ApproachKind(String wireName, boolean needsWeights) {
        this.wireName = wireName;
        this.needsWeights = needsWeights;
    }

    public String wireName() {
        return wireName;
    }

    /** True when the approach changes model weights, so it cannot run on a remote LLM. */
    public boolean needsWeights() {
        return needsWeights;
    }

    public static Optional<ApproachKind> parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.US);
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wanted)).findFirst();
    }

    public static String allNames() {
        return Arrays.stream(values()).map(ApproachKind::wireName).collect(Collectors.joining(", "));
    }
}
