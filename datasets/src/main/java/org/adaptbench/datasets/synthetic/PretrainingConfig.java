package org.adaptbench.datasets.synthetic;

/**
 * The knobs of the pre-training corpus. Its users are separate from the evaluation users and draw
 * on their own seed; the shares say what the context of an example holds.
 *
 * @param seed seed of the corpus (independent of the evaluation world's)
 * @param users number of pre-training users
 * @param examplesPerUser examples drawn per user
 * @param emptyContextShare no context: the label is the user's preference drawn from the
 *     popularity skew, so the model learns the population prior
 * @param distractorOnlyShare only statements on other dimensions: the label again follows the prior
 * @param changeShare an older statement of another option, then a change to the label's option
 * @param deletionShare a statement of some option, then a request to forget it: the label follows
 *     the prior, independent of the deleted option
 * @param maxDistractors at most this many statements on other dimensions are mixed into a context
 * @param maxFillerPairs at most this many filler exchanges (a user turn and the assistant's reply)
 *     are mixed into a context, so the model learns to find a preference inside ordinary chat
 */
public record PretrainingConfig(
        long seed,
        int users,
        int examplesPerUser,
        double emptyContextShare,
        double distractorOnlyShare,
        double changeShare,
        double deletionShare,
        int maxDistractors,
        int maxFillerPairs) {

    public PretrainingConfig {
        if (users < 1 || examplesPerUser < 1) {
            throw new IllegalArgumentException("users and examplesPerUser must be at least 1");
        }
        for (double share : new double[] {emptyContextShare, distractorOnlyShare, changeShare, deletionShare}) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("shares must lie in [0, 1], got " + share);
            }
        }
        if (emptyContextShare + distractorOnlyShare + changeShare + deletionShare > 1) {
            throw new IllegalArgumentException("the context shares must not add up to more than 1");
        }
        if (maxDistractors < 0 || maxFillerPairs < 0) {
            throw new IllegalArgumentException("maxDistractors and maxFillerPairs must not be negative");
        }
    }

    /**
     * 500 users × 20 examples; 25% empty, 15% distractors only, 15% change, 5% deletion, 40% stated;
     * up to 5 distractors and 8 filler exchanges in a context.
     */
    public static PretrainingConfig defaults(long seed) {
        return new PretrainingConfig(seed, 500, 20, 0.25, 0.15, 0.15, 0.05, 5, 8);
    }

    /** The same corpus shape with another number of users. */
    public PretrainingConfig withUsers(int newUsers) {
        return new PretrainingConfig(seed, newUsers, examplesPerUser, emptyContextShare, distractorOnlyShare, changeShare,
                deletionShare, maxDistractors, maxFillerPairs);
    }

    public int size() {
        return users * examplesPerUser;
    }
}
