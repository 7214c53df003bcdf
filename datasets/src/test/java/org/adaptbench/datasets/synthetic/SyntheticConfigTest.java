package org.adaptbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The config's builder, its defaults and the positional forms kept for older callers. */
class SyntheticConfigTest {

    @Test
    void theBuilderStartsFromTheDefaults() {
        SyntheticConfig defaults = SyntheticConfig.defaults(9);
        assertEquals(defaults, SyntheticConfig.builder(9).build());
        assertEquals(200, defaults.users());
        assertEquals(6, defaults.dimensions());
        assertEquals(50, defaults.eventsPerUser());
        assertEquals(0.05, defaults.changeRate());
        assertEquals(0.03, defaults.deletionRate());
        assertEquals(12, defaults.queriesPerUser());
        assertEquals(Popularity.zipf(1.0), defaults.popularity());
        assertEquals(WorldRole.EVALUATION, defaults.role());
        assertEquals(defaults, defaults.toBuilder().build());
    }

    @Test
    void thePositionalConstructorIsAZipfEvaluationWorld() {
        SyntheticConfig positional = new SyntheticConfig(3, 10, 2, 30, 0.3, 0.1, 0.05, 0.4, 0.1, 0.7, 4, List.of(0, 2));
        SyntheticConfig built = SyntheticConfig.builder(3).users(10).dimensions(2).eventsPerUser(30).fillerShare(0.3)
                .changeRate(0.1).deletionRate(0.05).implicitShare(0.4).noPreferenceRate(0.1).popularity(Popularity.zipf(0.7))
                .queriesPerUser(4).adaptationDistances(List.of(0, 2)).build();
        assertEquals(built, positional);
        assertEquals(0.7, positional.zipfExponent());
        assertThrows(IllegalStateException.class, () -> built.toBuilder().popularity(Popularity.uniform()).build().zipfExponent());
    }

    @Test
    void withMethodsKeepEverythingElse() {
        SyntheticConfig config = SyntheticConfig.builder(1).popularity(Popularity.agreement(0.8)).role(WorldRole.DOMAIN).build();
        for (SyntheticConfig changed : List.of(config.withSeed(2), config.withUsers(7), config.withDimensions(3),
                config.withEventsPerUser(9), config.withQueriesPerUser(2))) {
            assertEquals(Popularity.agreement(0.8), changed.popularity());
            assertEquals(WorldRole.DOMAIN, changed.role());
        }
        assertEquals(2, config.withSeed(2).seed());
        assertEquals(7, config.withUsers(7).users());
        assertEquals(WorldRole.VALIDATION, config.withRole(WorldRole.VALIDATION).role());
    }

    @Test
    void buildRefusesNonsenseNamingTheKnob() {
        SyntheticConfig.Builder builder = SyntheticConfig.builder(1);
        assertMessage("users", () -> builder.users(0).build());
        assertMessage("dimensions", () -> SyntheticConfig.builder(1).dimensions(7).build());
        assertMessage("changeRate", () -> SyntheticConfig.builder(1).changeRate(1.5).build());
        assertMessage("changeRate + deletionRate", () -> SyntheticConfig.builder(1).changeRate(0.7).deletionRate(0.5).build());
        assertMessage("adaptationDistances", () -> SyntheticConfig.builder(1).adaptationDistances(List.of(3, 3)).build());
        assertMessage("queriesPerUser", () -> SyntheticConfig.builder(1).queriesPerUser(-1).build());
        assertThrows(NullPointerException.class, () -> SyntheticConfig.builder(1).role(null).build());
        assertThrows(NullPointerException.class, () -> SyntheticConfig.builder(1).popularity(null).build());
    }

    private static void assertMessage(String knob, org.junit.jupiter.api.function.Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().startsWith(knob), e.getMessage());
    }
}
