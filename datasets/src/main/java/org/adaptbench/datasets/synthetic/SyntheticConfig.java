package org.adaptbench.datasets.synthetic;

import java.util.List;

/**
 * The knobs of the synthetic preference world. Same config (seed included) ⇒ byte-identical data.
 *
 * @param seed master seed; every random stream of the world derives from it
 * @param users number of evaluation users
 * @param dimensions how many of the catalogue's dimensions are in play (1 to 6, in catalogue order)
 * @param eventsPerUser history length in events; a filler event adds two turns (user and
 *     assistant), every other event one user turn
 * @param fillerShare probability that an event is filler chat unrelated to any preference
 * @param changeRate probability that a non-filler event changes an active preference (a later
 *     statement contradicting an earlier one)
 * @param deletionRate probability that a non-filler event asks to forget an active preference
 * @param implicitShare probability that a not-yet-revealed preference is first revealed implicitly
 *     (a choice among offered options, or feedback) rather than stated; later reinforcing signals
 *     are always implicit
 * @param noPreferenceRate probability that a user has no preference at all on a dimension
 * @param zipfExponent skew of option popularity: the option of rank r has weight 1/r^exponent
 * @param queriesPerUser end-of-history test queries per user, spread over the user's active
 *     dimensions
 * @param adaptationDistances after each preference change, one query on the changed dimension
 *     at each of these distances (turns between the change and the query), while the change holds
 */
public record SyntheticConfig(
        long seed,
        int users,
        int dimensions,
        int eventsPerUser,
        double fillerShare,
        double changeRate,
        double deletionRate,
        double implicitShare,
        double noPreferenceRate,
        double zipfExponent,
        int queriesPerUser,
        List<Integer> adaptationDistances) {

    public SyntheticConfig {
        adaptationDistances = List.copyOf(adaptationDistances);
        int available = WorldText.standard().dimensions().size();
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, got " + users);
        }
        if (dimensions < 1 || dimensions > available) {
            throw new IllegalArgumentException("dimensions must lie in 1.." + available + ", got " + dimensions);
        }
        if (eventsPerUser < 1) {
            throw new IllegalArgumentException("eventsPerUser must be at least 1, got " + eventsPerUser);
        }
        requireProbability("fillerShare", fillerShare);
        requireProbability("changeRate", changeRate);
        requireProbability("deletionRate", deletionRate);
        requireProbability("implicitShare", implicitShare);
        requireProbability("noPreferenceRate", noPreferenceRate);
        if (changeRate + deletionRate > 1) {
            throw new IllegalArgumentException("changeRate + deletionRate must not exceed 1");
        }
        if (!(zipfExponent >= 0) || Double.isInfinite(zipfExponent)) {
            throw new IllegalArgumentException("zipfExponent must be a finite number >= 0, got " + zipfExponent);
        }
        if (queriesPerUser < 0) {
            throw new IllegalArgumentException("queriesPerUser must not be negative, got " + queriesPerUser);
        }
        int previous = -1;
        for (int distance : adaptationDistances) {
            if (distance <= previous) {
                throw new IllegalArgumentException("adaptationDistances must be increasing and >= 0, got " + adaptationDistances);
            }
            previous = distance;
        }
    }

    /** The defaults: 200 users, all six dimensions, 50 events each. */
    public static SyntheticConfig defaults(long seed) {
        return new SyntheticConfig(seed, 200, WorldText.standard().dimensions().size(), 50,
                0.35, 0.05, 0.03, 0.35, 0.20, 1.0, 6, List.of(0, 5, 20));
    }

    public SyntheticConfig withSeed(long newSeed) {
        return new SyntheticConfig(newSeed, users, dimensions, eventsPerUser, fillerShare, changeRate, deletionRate,
                implicitShare, noPreferenceRate, zipfExponent, queriesPerUser, adaptationDistances);
    }

    public SyntheticConfig withUsers(int newUsers) {
        return new SyntheticConfig(seed, newUsers, dimensions, eventsPerUser, fillerShare, changeRate, deletionRate,
                implicitShare, noPreferenceRate, zipfExponent, queriesPerUser, adaptationDistances);
    }

    public SyntheticConfig withDimensions(int newDimensions) {
        return new SyntheticConfig(seed, users, newDimensions, eventsPerUser, fillerShare, changeRate, deletionRate,
                implicitShare, noPreferenceRate, zipfExponent, queriesPerUser, adaptationDistances);
    }

    public SyntheticConfig withEventsPerUser(int newEventsPerUser) {
        return new SyntheticConfig(seed, users, dimensions, newEventsPerUser, fillerShare, changeRate, deletionRate,
                implicitShare, noPreferenceRate, zipfExponent, queriesPerUser, adaptationDistances);
    }

    public SyntheticConfig withQueriesPerUser(int newQueriesPerUser) {
        return new SyntheticConfig(seed, users, dimensions, eventsPerUser, fillerShare, changeRate, deletionRate,
                implicitShare, noPreferenceRate, zipfExponent, newQueriesPerUser, adaptationDistances);
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + value);
        }
    }
}
