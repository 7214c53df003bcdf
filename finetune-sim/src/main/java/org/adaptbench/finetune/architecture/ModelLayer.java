package org.adaptbench.finetune.architecture;

import java.util.Locale;

/**
 * The Linear layers of the base model; each one can carry LoRA adapters.
 *
 * <ul>
 *   <li>{@link #QUERY}: [question; option] to the attention query;</li>
 *   <li>{@link #KEY_VALUE}: each context vector to its attention key and value (fused, as LLMs fuse k and v);</li>
 *   <li>{@link #HIDDEN_1}, {@link #HIDDEN_2}: the scoring MLP over [q; o; q⊙o; ctx; o⊙ctx];</li>
 *   <li>{@link #SCORE}: the scalar head.</li>
 * </ul>
 */
public enum ModelLayer {
    QUERY, KEY_VALUE, HIDDEN_1, HIDDEN_2, SCORE;

    /** The feature vector of the MLP is made of this many input-sized blocks. */
    public static final int FEATURE_BLOCKS = 5;

    /** Snake-case name used in files and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}; fails with the list of known names. */
    public static ModelLayer fromId(String id) {
        for (ModelLayer layer : values()) {
            if (layer.id().equals(id)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("unknown layer '" + id + "', expected one of query, key_value, hidden_1, hidden_2, score");
    }

    /** True when this layer sees the context, so an adapter on it does nothing while the context is empty. */
    public boolean readsContext() {
        return this == QUERY || this == KEY_VALUE;
    }
}
