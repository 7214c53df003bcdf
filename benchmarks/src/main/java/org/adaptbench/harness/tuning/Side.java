package org.adaptbench.harness.tuning;

import java.util.Arrays;
import java.util.List;
import org.adaptbench.reports.results.ApproachNames;

/**
 * A side of the comparison that has knobs: the approaches its knobs drive, all scored in every trial of
 * the side; a trial's score is the mean of their validation accuracies, since they share the values.
 */
public enum Side {
    /** The LoRA adapters: one shared, one per variant, one per user. */
    LORA("lora", List.of(ApproachNames.GLOBAL_LORA, ApproachNames.VARIANT_LORA, ApproachNames.USER_LORA)),
    /** The memory layer's retrieval and injected context. */
    MEMORY("memory", List.of(ApproachNames.MEMORY));

    private final String wireName;
    private final List<String> approaches;

    Side(String wireName, List<String> approaches) {
        this.wireName = wireName;
        this.approaches = approaches;
    }

    public String wireName() {
        return wireName;
    }

    /** The approaches a trial of this side replays, in table order. */
    public List<String> approaches() {
        return approaches;
    }

    /** The knobs of this side, in declaration order. */
    public List<Knob> knobs() {
        return Arrays.stream(Knob.values()).filter(knob -> knob.side() == this).toList();
    }
}
