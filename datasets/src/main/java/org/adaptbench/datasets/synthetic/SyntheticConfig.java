package org.adaptbench.datasets.synthetic;

import java.util.List;
import java.util.Objects;

/**
 * The knobs of the synthetic preference world. Same config (seed included) ⇒ byte-identical data.
 * Build one with {@link #builder(long)} (every knob starts at its default); the positional
 * constructors stay for callers written before the builder.
 *
 * @param seed master seed; every random stream of the world derives from it
 * @param users number of users
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
 * @param popularity how users spread over each dimension's options, initially and when they change
 * @param queriesPerUser end-of-history test queries per user, spread over the user's active
 *     dimensions
 * @param adaptationDistances after each preference change, one query on the changed dimension
 *     at each of these distances (turns between the change and the query), while the change holds
 * @param role what the world is for, which fixes its wording and question pools
 * @param drawnLeaders whether each dimension's most popular option is drawn from the seed (a product's
 *     own convention, which the base model's pre-training did not favour) instead of being the
 *     catalogue's first option, which pre-training's popularity skew favours
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
        Popularity popularity,
        int queriesPerUser,
        List<Integer> adaptationDistances,
        WorldRole role,
        boolean drawnLeaders) {

    public SyntheticConfig {
        Objects.requireNonNull(popularity, "popularity");
        Objects.requireNonNull(role, "role");
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
        // refuses, e.g., an agreement whose top share would not make the first option the most popular
        popularity.shares(WorldText.OPTIONS_PER_DIMENSION);
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

    /**
     * The positional form from before popularity models and roles: Zipf popularity with
     * {@code zipfExponent}, an evaluation world.
     */
    public SyntheticConfig(long seed, int users, int dimensions, int eventsPerUser, double fillerShare, double changeRate,
            double deletionRate, double implicitShare, double noPreferenceRate, double zipfExponent, int queriesPerUser,
            List<Integer> adaptationDistances) {
        this(seed, users, dimensions, eventsPerUser, fillerShare, changeRate, deletionRate, implicitShare, noPreferenceRate,
                Popularity.zipf(zipfExponent), queriesPerUser, adaptationDistances, WorldRole.EVALUATION, false);
    }

    /**
     * The defaults: an evaluation world of 200 users on all six dimensions, 50 events each, Zipf
     * popularity (exponent 1), change rate 0.05 and deletion rate 0.03, 12 end-of-history queries per user.
     */
    public static SyntheticConfig defaults(long seed) {
        return builder(seed).build();
    }

    /** A builder whose every knob starts at its default (see {@link #defaults(long)}). */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** A builder holding this config's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(seed).users(users).dimensions(dimensions).eventsPerUser(eventsPerUser).fillerShare(fillerShare)
                .changeRate(changeRate).deletionRate(deletionRate).implicitShare(implicitShare)
                .noPreferenceRate(noPreferenceRate).popularity(popularity).queriesPerUser(queriesPerUser)
                .adaptationDistances(adaptationDistances).role(role).drawnLeaders(drawnLeaders);
    }

    /**
     * The Zipf exponent of the popularity, for callers written before popularity models.
     *
     * @throws IllegalStateException when the popularity is not Zipf-like
     */
    public double zipfExponent() {
        if (popularity instanceof Popularity.Zipf zipf) {
            return zipf.exponent();
        }
        throw new IllegalStateException("popularity is " + popularity + ", not Zipf-like; read popularity()");
    }

    public SyntheticConfig withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    public SyntheticConfig withUsers(int newUsers) {
        return toBuilder().users(newUsers).build();
    }

    public SyntheticConfig withDimensions(int newDimensions) {
        return toBuilder().dimensions(newDimensions).build();
    }

    public SyntheticConfig withEventsPerUser(int newEventsPerUser) {
        return toBuilder().eventsPerUser(newEventsPerUser).build();
    }

    public SyntheticConfig withQueriesPerUser(int newQueriesPerUser) {
        return toBuilder().queriesPerUser(newQueriesPerUser).build();
    }

    /** The same world shape in another role (its own wording and question pools). */
    public SyntheticConfig withRole(WorldRole newRole) {
        return toBuilder().role(newRole).build();
    }

    private static void requireProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must lie in [0, 1], got " + value);
        }
    }

    /** Collects a config's knobs; {@link #build()} checks them all. */
    public static final class Builder {
        private long seed;
        private int users = 200;
        private int dimensions = WorldText.standard().dimensions().size();
        private int eventsPerUser = 50;
        private double fillerShare = 0.35;
        private double changeRate = 0.05;
        private double deletionRate = 0.03;
        private double implicitShare = 0.35;
        private double noPreferenceRate = 0.20;
        private Popularity popularity = Popularity.zipf(1.0);
        private int queriesPerUser = 12;
        private List<Integer> adaptationDistances = List.of(0, 5, 20);
        private WorldRole role = WorldRole.EVALUATION;
        private boolean drawnLeaders;

        private Builder(long seed) {
            this.seed = seed;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder users(int value) {
            users = value;
            return this;
        }

        public Builder dimensions(int value) {
            dimensions = value;
            return this;
        }

        public Builder eventsPerUser(int value) {
            eventsPerUser = value;
            return this;
        }

        public Builder fillerShare(double value) {
            fillerShare = value;
            return this;
        }

        public Builder changeRate(double value) {
            changeRate = value;
            return this;
        }

        public Builder deletionRate(double value) {
            deletionRate = value;
            return this;
        }

        public Builder implicitShare(double value) {
            implicitShare = value;
            return this;
        }

        public Builder noPreferenceRate(double value) {
            noPreferenceRate = value;
            return this;
        }

        public Builder popularity(Popularity value) {
            popularity = value;
            return this;
        }

        public Builder queriesPerUser(int value) {
            queriesPerUser = value;
            return this;
        }

        public Builder adaptationDistances(List<Integer> value) {
            adaptationDistances = value;
            return this;
        }

        /** Whether each dimension's most popular option is drawn from the seed (default false: the catalogue's first). */
        public Builder drawnLeaders(boolean value) {
            drawnLeaders = value;
            return this;
        }

        public Builder role(WorldRole value) {
            role = value;
            return this;
        }

        /** The config; throws {@link IllegalArgumentException} naming the first knob out of range. */
        public SyntheticConfig build() {
            return new SyntheticConfig(seed, users, dimensions, eventsPerUser, fillerShare, changeRate, deletionRate,
                    implicitShare, noPreferenceRate, popularity, queriesPerUser, adaptationDistances, role, drawnLeaders);
        }
    }
}
