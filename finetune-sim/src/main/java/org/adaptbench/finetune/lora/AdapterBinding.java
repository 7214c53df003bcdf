package org.adaptbench.finetune.lora;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.adaptbench.finetune.architecture.ModelLayer;

/** Which low-rank deltas a forward pass applies, layer by layer; layers without one run the base weights alone. */
public final class AdapterBinding {

    /** No adapter anywhere: the base model. */
    public static final AdapterBinding NONE = new AdapterBinding(Map.of());

    private final Map<ModelLayer, LowRankDelta> deltas;

    public AdapterBinding(Map<ModelLayer, LowRankDelta> deltas) {
        this.deltas = deltas.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(deltas));
    }

    public Optional<LowRankDelta> deltaFor(ModelLayer layer) {
        return Optional.ofNullable(deltas.get(layer));
    }

    public boolean isEmpty() {
        return deltas.isEmpty();
    }
}
