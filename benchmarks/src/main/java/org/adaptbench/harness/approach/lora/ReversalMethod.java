package org.adaptbench.harness.approach.lora;

import java.util.Arrays;
import java.util.Optional;
import org.adaptbench.reports.results.ApproachNames;

/** How a per-user adapter acts on a deletion request; each is a condition of {@code user-lora} in results. */
public enum ReversalMethod {
    /** Stop serving the user's adapter: exact, but every preference of the user goes with it. */
    DETACH(ApproachNames.DETACH),
    /** Retrain the adapter without the deleted examples (the costed exact method). */
    RETRAIN(ApproachNames.RETRAIN),
    /** Gradient ascent on the deleted examples with a retain term (approximate unlearning). */
    GRADIENT_ASCENT(ApproachNames.GRADIENT_ASCENT);

    private final String wireName;

    ReversalMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ReversalMethod> parse(String text) {
        return Arrays.stream(values()).filter(method -> method.wireName.equals(text)).findFirst();
    }
}
