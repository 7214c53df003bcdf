package org.adaptbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.adaptbench.datasets.model.UserData;

/** Invariants of the generator over random small configurations. */
class SyntheticWorldPropertyTest {

    @Property(tries = 40)
    void sameConfigGivesTheSameWorld(@ForAll("configs") SyntheticConfig config) {
        SyntheticWorld first = SyntheticWorld.generate(config);
        SyntheticWorld second = SyntheticWorld.generate(config);
        assertEquals(first.dataset(), second.dataset());
        assertEquals(first.manifest(), second.manifest());
    }

    @Property(tries = 40)
    void queriesAlwaysMatchTheReplayedHistory(@ForAll("configs") SyntheticConfig config) {
        SyntheticWorld world = SyntheticWorld.generate(config);
        WorldChecks.assertQueriesMatchHistory(world);
        WorldChecks.assertMajorityRates(world);
        for (UserData user : world.dataset().users()) {
            assertEquals(config.eventsPerUser(), user.history().stream().filter(t -> t.role() == org.adaptbench.datasets.model.Role.USER).count());
            assertTrue(user.queries().stream().allMatch(q -> q.visibleTurns() >= 1));
        }
    }

    @Provide
    Arbitrary<SyntheticConfig> configs() {
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 0.5);
        return Combinators.combine(
                        Arbitraries.longs(),
                        Arbitraries.integers().between(1, 30),
                        Arbitraries.integers().between(1, 6),
                        Arbitraries.integers().between(1, 60),
                        share, share, share,
                        Arbitraries.doubles().between(0, 1))
                .as((seed, users, dimensions, events, filler, change, deletion, zipf) -> new SyntheticConfig(
                        seed, users, dimensions, events, filler, change, deletion, 0.35, 0.2, zipf * 2, 4, List.of(0, 3, 9)))
                .flatMap(config -> Combinators.combine(Arbitraries.of(WorldRole.values()), popularities())
                        .as((role, popularity) -> config.toBuilder().role(role).popularity(popularity.orElse(config.popularity())).build()));
    }

    /** Mostly the config's own Zipf popularity, otherwise an agreement from a convention to none. */
    private static Arbitrary<java.util.Optional<Popularity>> popularities() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(java.util.Optional.<Popularity>empty())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1.0, 0.8, 0.5, 0.25).map(top -> java.util.Optional.<Popularity>of(Popularity.agreement(top)))));
    }
}
