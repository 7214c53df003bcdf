package org.adaptbench.harness.approach.registry;

import static org.adaptbench.harness.approach.Capability.BATCH_TRAINED;
import static org.adaptbench.harness.approach.Capability.CHANGES_WEIGHTS;
import static org.adaptbench.harness.approach.Capability.DOMAIN_ADAPTER;
import static org.adaptbench.harness.approach.Capability.FORGETS_SELECTIVELY;
import static org.adaptbench.harness.approach.Capability.LEARNS_PER_USER;
import static org.adaptbench.harness.approach.Capability.READS_CONTEXT;
import static org.adaptbench.harness.approach.Capability.REFERENCE;
import static org.adaptbench.harness.approach.Capability.REMOTE_LLM;
import static org.adaptbench.harness.approach.Capability.RETRAINS_PER_USER;
import static org.adaptbench.harness.approach.Capability.RETRIEVES;
import static org.adaptbench.harness.approach.Capability.SERVES_MERGED;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.adaptbench.finetune.strategy.StrategyKind;
import org.adaptbench.harness.approach.ApproachFactory;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.basic.FullContextApproach;
import org.adaptbench.harness.approach.basic.NoneApproach;
import org.adaptbench.harness.approach.domain.CombinedFactory;
import org.adaptbench.harness.approach.domain.DomainLoraFactory;
import org.adaptbench.harness.approach.lora.SharedLoraFactory;
import org.adaptbench.harness.approach.lora.UserLoraFactory;
import org.adaptbench.harness.approach.memory.MemoryFactory;
import org.adaptbench.reports.results.ApproachNames;

/**
 * The registry of the comparison's approaches: each entry carries its stable wire name (defined by
 * the results schema), the capabilities scenarios choose it by, and the factory that builds it.
 * Adding an approach is one class and one line here; the CLI, the suites file check and the
 * results' approach list all read this enum.
 */
public enum ApproachKind {
    NONE(ApproachNames.NONE, EnumSet.of(REFERENCE, REMOTE_LLM), NoneApproach.FACTORY),
    FULL_CONTEXT(ApproachNames.FULL_CONTEXT, EnumSet.of(READS_CONTEXT, LEARNS_PER_USER, REMOTE_LLM), FullContextApproach.FACTORY),
    MEMORY(ApproachNames.MEMORY, EnumSet.of(READS_CONTEXT, LEARNS_PER_USER, FORGETS_SELECTIVELY, RETRIEVES, REMOTE_LLM),
            MemoryFactory.INSTANCE),
    GLOBAL_LORA(ApproachNames.GLOBAL_LORA, EnumSet.of(CHANGES_WEIGHTS, BATCH_TRAINED), new SharedLoraFactory(StrategyKind.GLOBAL)),
    VARIANT_LORA(ApproachNames.VARIANT_LORA, EnumSet.of(CHANGES_WEIGHTS, BATCH_TRAINED), new SharedLoraFactory(StrategyKind.PER_VARIANT)),
    USER_LORA(ApproachNames.USER_LORA, EnumSet.of(CHANGES_WEIGHTS, LEARNS_PER_USER, RETRAINS_PER_USER, FORGETS_SELECTIVELY, SERVES_MERGED),
            UserLoraFactory.INSTANCE),
    DOMAIN_LORA(ApproachNames.DOMAIN_LORA, EnumSet.of(CHANGES_WEIGHTS, BATCH_TRAINED, DOMAIN_ADAPTER), DomainLoraFactory.INSTANCE),
    COMBINED(ApproachNames.COMBINED, EnumSet.of(READS_CONTEXT, CHANGES_WEIGHTS, LEARNS_PER_USER, FORGETS_SELECTIVELY, BATCH_TRAINED,
            DOMAIN_ADAPTER), CombinedFactory.INSTANCE);

    private final String wireName;
    private final Set<Capability> capabilities;
    private final ApproachFactory factory;

    ApproachKind(String wireName, EnumSet<Capability> capabilities, ApproachFactory factory) {
        this.wireName = wireName;
        this.capabilities = Collections.unmodifiableSet(capabilities);
        this.factory = factory;
    }

    public String wireName() {
        return wireName;
    }

    public Set<Capability> capabilities() {
        return capabilities;
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public ApproachFactory factory() {
        return factory;
    }

    public static Optional<ApproachKind> parse(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name.trim())).findFirst();
    }

    /** Every wire name, in registry order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ApproachKind::wireName).toList();
    }

    public static String allNames() {
        return String.join(", ", wireNames());
    }
}
