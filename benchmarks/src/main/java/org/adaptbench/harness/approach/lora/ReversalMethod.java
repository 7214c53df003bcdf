package org.adaptbench.harness.approach.lora;

import java.util.Locale;
import java.util.Optional;

/** How a per-user adapter acts on a deletion request. */
public enum ReversalMethod {
    /** Stop serving the user's adapter: exact, but every preference of the user goes with it. */
    DETACH,
    /** Retrain the adapter without the deleted examples (the costed exact method). */
    RETRAIN,
    /** Gradient ascent on the deleted examples with a retain term (approximate unlearning). */
    GRADIENT_ASCENT;

    public String wireName() {
        return name().toLowerCase(Locale.US).replace('_', '-');
    }

    public static Optional<ReversalMethod> parse(String text) {
        for (ReversalMethod method : values()) {
            if (method.wireName().equals(text)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
