package org.adaptbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.UserData;
import org.junit.jupiter.api.Test;

/** The popularity models and the worlds they make: who holds which option, and the majority ceiling that follows. */
class PopularityTest {

    private static final int OPTIONS = WorldText.OPTIONS_PER_DIMENSION;

    @Test
    void zipfAndAgreementShares() {
        assertArrayEquals(new double[] {0.48, 0.24, 0.16, 0.12}, Popularity.zipf(1).shares(OPTIONS), 0.001);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, Popularity.zipf(0).shares(OPTIONS), 1e-12);
        assertArrayEquals(new double[] {1, 0, 0, 0}, Popularity.convention().shares(OPTIONS), 1e-12);
        assertArrayEquals(new double[] {0.8, 0.2 / 3, 0.2 / 3, 0.2 / 3}, Popularity.agreement(0.8).shares(OPTIONS), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, Popularity.uniform().shares(OPTIONS), 1e-12);
        assertEquals(Map.of("top_share", 0.5), Popularity.agreement(0.5).parameters());
        assertEquals("agreement", Popularity.agreement(0.5).kind());
        assertEquals(new TreeMap<>(Map.of("exponent", 1.0)), Popularity.zipf(1).parameters());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Popularity.zipf(-1));
        assertThrows(IllegalArgumentException.class, () -> Popularity.zipf(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Popularity.agreement(0));
        assertThrows(IllegalArgumentException.class, () -> Popularity.agreement(1.01));
        // below 1/4 the first option would no longer be the most popular
        assertThrows(IllegalArgumentException.class, () -> SyntheticConfig.builder(1).popularity(Popularity.agreement(0.2)).build());
    }

    @Test
    void aChangeLeavesAConventionForAnyOtherOptionAlike() {
        OptionShares convention = new OptionShares(Popularity.convention(), OPTIONS);
        SplittableRandom random = new SplittableRandom(3);
        int[] counts = new int[OPTIONS];
        for (int i = 0; i < 3000; i++) {
            assertEquals(0, convention.sample(random));
            counts[convention.sampleOther(random, 0)]++;
        }
        assertEquals(0, counts[0]);
        for (int o = 1; o < OPTIONS; o++) {
            assertEquals(1000, counts[o], 100, "option " + o);
        }
        // from a minority option, a change under a convention goes back to it
        assertEquals(0, convention.sampleOther(random, 2));
    }

    @Test
    void underAConventionEveryUserHoldsTheSameOptionAndTheCeilingIsOne() {
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.builder(5).users(150).changeRate(0)
                .popularity(Popularity.convention()).build());
        for (UserData user : world.dataset().users()) {
            for (Dimension dimension : world.catalogue().dimensions()) {
                String held = user.attributes().get(dimension.name());
                assertTrue(held.equals("none") || held.equals(dimension.options().get(0).name()), user.userId() + " holds " + held);
            }
            user.history().stream().filter(turn -> turn.label().carriesPreference() && turn.label().kind() != TurnKind.DELETION)
                    .forEach(turn -> assertEquals(world.catalogue().dimension(turn.label().dimension()).orElseThrow().options().get(0).name(),
                            turn.label().option(), turn.toString()));
        }
        assertEquals(1.0, world.majorityCeiling(), 1e-12);
        assertEquals(1.0, world.manifest().get("dimensions").get(0).get("options").get(0).get("popularity_share").asDouble());
        assertEquals("agreement", world.manifest().get("config").get("popularity").get("kind").asText());
        WorldChecks.assertMajorityRates(world);
        WorldChecks.assertQueriesMatchHistory(world);
    }

    @Test
    void agreementSetsTheShareOfUsersOnTheTopOptionAndTheCeilingFollows() {
        for (double top : new double[] {0.8, 0.5}) {
            SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.builder(11).users(2000).eventsPerUser(20)
                    .changeRate(0).deletionRate(0).popularity(Popularity.agreement(top)).build());
            double[] held = heldShares(world);
            assertEquals(top, held[0], 0.03, "top share at " + top);
            for (int o = 1; o < OPTIONS; o++) {
                assertEquals((1 - top) / (OPTIONS - 1), held[o], 0.03, "option " + o + " at " + top);
            }
            assertEquals(top, world.majorityCeiling(), 0.04, "ceiling at " + top);
            assertTrue(world.everyOptionCorrectForSomeUser());
            WorldChecks.assertMajorityRates(world);
        }
    }

    @Test
    void withoutAgreementTheCeilingApproachesChanceOnALargeWorld() {
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.builder(13).users(2000).eventsPerUser(20)
                .popularity(Popularity.uniform()).build());
        double[] held = heldShares(world);
        for (int o = 0; o < OPTIONS; o++) {
            assertEquals(0.25, held[o], 0.03, "option " + o);
        }
        assertTrue(world.majorityCeiling() > 0.25 && world.majorityCeiling() < 0.28, "ceiling " + world.majorityCeiling());
        WorldChecks.assertMajorityRates(world);
    }

    @Test
    void zipfStaysTheDefaultAndKeepsItsSkew() {
        assertEquals(Popularity.zipf(1.0), SyntheticConfig.defaults(1).popularity());
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.builder(17).users(2000).eventsPerUser(20).build());
        double[] held = heldShares(world);
        double[] expected = Popularity.zipf(1).shares(OPTIONS);
        for (int o = 0; o < OPTIONS; o++) {
            assertEquals(expected[o], held[o], 0.03, "option " + o);
        }
    }

    /** The share of users holding each option (by popularity rank) at the start, over users with a preference. */
    private static double[] heldShares(SyntheticWorld world) {
        double[] held = new double[OPTIONS];
        int total = 0;
        for (UserData user : world.dataset().users()) {
            for (Dimension dimension : world.catalogue().dimensions()) {
                String rank = user.attributes().get(dimension.name() + ".rank");
                if (rank != null) {
                    held[Integer.parseInt(rank) - 1]++;
                    total++;
                }
            }
        }
        for (int o = 0; o < OPTIONS; o++) {
            held[o] /= total;
        }
        return held;
    }

    @Test
    void queriesUnderAConventionAreAllAnsweredByItsOption() {
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.builder(19).users(40).changeRate(0)
                .popularity(Popularity.convention()).build());
        for (UserData user : world.dataset().users()) {
            for (Query query : user.queries()) {
                String top = world.catalogue().dimension(query.dimension()).orElseThrow().options().get(0).name();
                assertEquals(query.dimension() + "=" + top, query.group());
                assertEquals(1.0, query.majorityRate(), 1e-12);
            }
        }
    }

    /** Under a convention, which option everyone holds; under drawn leaders it follows the seed, not the catalogue. */
    private static java.util.Set<String> conventionOptions(boolean drawn, long seed) {
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.builder(seed).users(40).eventsPerUser(30).changeRate(0)
                .deletionRate(0).popularity(Popularity.convention()).drawnLeaders(drawn).build());
        java.util.Set<String> held = new java.util.TreeSet<>();
        for (UserData user : world.dataset().users()) {
            user.attributes().forEach((key, value) -> {
                if (key.endsWith(".popularity")) {
                    assertEquals("majority", value, "under a convention every user holds the leading option");
                }
            });
            for (Query query : user.queries()) {
                held.add(query.dimension() + "=" + query.options().get(query.correctIndex()));
            }
        }
        return held;
    }

    @Test
    void drawnLeadersMoveTheConventionAwayFromTheCatalogueOrder() {
        assertEquals(conventionOptions(false, 5), conventionOptions(false, 6),
                "without drawn leaders every world's convention is the catalogue's first option");
        java.util.Set<String> drawn = conventionOptions(true, 5);
        assertTrue(!drawn.equals(conventionOptions(false, 5)), "drawn leaders put another option first somewhere");
        assertEquals(drawn, conventionOptions(true, 5), "the same seed draws the same leaders");
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.builder(5).users(40).eventsPerUser(30).changeRate(0)
                .deletionRate(0).popularity(Popularity.convention()).drawnLeaders(true).build());
        assertEquals(1.0, world.majorityCeiling(), 1e-12, "a drawn convention is still one everyone holds");
    }
}
