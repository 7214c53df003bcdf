package org.adaptbench.harness.approach;

import java.util.List;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;

/**
 * One way of adapting the model to its users; every approach sees the same turns and answers the same queries.
 *
 * <p>The harness calls {@link #learn} with each user's turns in time order and {@link #answer} at the
 * point of the history where each query is asked, so an approach can only use what came before.
 */
public interface Approach extends AutoCloseable {

    /** The approach's wire name (with its variant, for example "user-lora/nightly"). */
    String name();

    /** Learns from the whole population's training prefixes before any user is replayed (batch fine-tuning). */
    default Effort prepare(List<UserData> population) {
        return Effort.NONE;
    }

    /** Observes the next turn of a user's history; returns the work it took to take the turn into account. */
    Effort learn(String userId, Turn turn);

    /**
     * Acts on an explicit request to delete a preference ("forget that I ..."), as a product's forget
     * button would send it. The harness's replays deliver requests said in the conversation through
     * {@link #learn} like any turn; an approach recognises those itself.
     */
    Effort forget(String userId, DeletionRequest request);

    /** Answers a multiple-choice query for the user. */
    Response answer(String userId, Query query);

    /** Bytes the approach keeps for this user (memories, adapter weights, stored history). */
    long bytesStored(String userId);

    /**
     * This approach in one of the small role interfaces of this package ({@link OnDemandTraining},
     * {@link ReplayClock}, {@link EvidenceRecall}), when it plays that role: scenarios ask for a role,
     * never for a class.
     */
    default <R> java.util.Optional<R> role(Class<R> role) {
        return role.isInstance(this) ? java.util.Optional.of(role.cast(this)) : java.util.Optional.empty();
    }

    @Override
    default void close() {
    }
}
