package org.adaptbench.personalization.extract;

import java.util.Locale;
import java.util.Objects;
import org.adaptbench.personalization.store.MemoryKind;

/**
 * One thing an extractor found in a turn: a preference to remember, or a request to forget one.
 *
 * @param action remember or forget
 * @param slot the slot it concerns, "" when unknown or open
 * @param statement the preference, in the user's words; for a forget, what to forget ("" for "forget that")
 * @param kind explicit (said) or implicit (picked)
 * @param confidence how sure the extractor is, in [0, 1]
 * @param revision true when the user signalled a change of mind ("actually", "no longer")
 */
public record PreferenceSignal(Action action, String slot, String statement, MemoryKind kind, double confidence, boolean revision) {

    /** What the signal asks of the memory. */
    public enum Action { REMEMBER, FORGET }

    public PreferenceSignal {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(kind, "kind");
        if (action == Action.REMEMBER && statement.isBlank()) {
            throw new IllegalArgumentException("a preference to remember needs a statement");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.US, "confidence must be in [0, 1], was %s", confidence));
        }
    }
}
