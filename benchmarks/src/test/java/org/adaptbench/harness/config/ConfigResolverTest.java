package org.adaptbench.harness.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.adaptbench.harness.usage.UsageException;
import org.junit.jupiter.api.Test;

/** Overrides are checked against the defaults file: existing keys only, values of the default's type. */
class ConfigResolverTest {

    private static RunConfig resolve(Map<String, String> overrides) {
        return RunConfig.of(ConfigResolver.bundled().resolve("smoke", overrides));
    }

    @Test
    void overridesReachTheTypedView() {
        RunConfig config = resolve(Map.of("memory.top_k", "7", "memory.store", "in-memory", "adapters.cadences", "[\"nightly\"]"));
        assertEquals(7, config.memory().topK());
        assertEquals(false, config.memory().durable());
        assertEquals(false, config.memory().fullDurability(), "a run's store files are scratch: normal by default");
        assertEquals(true, resolve(Map.of("memory.durability", "full")).memory().fullDurability());
        assertEquals(0.3, config.memory().neighbourWeight(), "the suites' neighbour weight");
        assertEquals(0.1, resolve(Map.of("memory.neighbour_weight", "0.1")).memory().neighbourWeight());
        assertEquals(java.util.List.of("nightly"), config.adapters().cadences());
        assertEquals("smoke", config.suite());
    }

    @Test
    void typeMismatchesAreRefusedNamingThePath() {
        for (Map.Entry<String, String> bad : Map.of("memory.top_k", "three", "adapters.cadences", "nightly",
                "memory.keep_stores", "7", "seed", "[1]").entrySet()) {
            UsageException refused = assertThrows(UsageException.class, () -> resolve(Map.of(bad.getKey(), bad.getValue())),
                    bad.toString());
            assertTrue(refused.getMessage().contains(bad.getKey()), refused.getMessage());
        }
    }

    @Test
    void unknownKeysAndValuesAreRefused() {
        assertThrows(UsageException.class, () -> resolve(Map.of("memory.topk", "3")));
        assertThrows(UsageException.class, () -> resolve(Map.of("nosuch.section", "3")));
        assertThrows(UsageException.class, () -> resolve(Map.of("memory.store", "redis")));
        UsageException durability = assertThrows(UsageException.class, () -> resolve(Map.of("memory.durability", "fsync")));
        assertTrue(durability.getMessage().contains("memory.durability"), durability.getMessage());
        assertThrows(UsageException.class, () -> ConfigResolver.bundled().resolve("huge", Map.of()));
        UsageException curation = assertThrows(UsageException.class, () -> resolve(Map.of("adapters.curation", "\"everything\"")));
        assertTrue(curation.getMessage().contains("adapters.curation"), curation.getMessage());
    }

    @Test
    void fineTuningCurationDefaultsToTheExtractorAndRawIsSelectable() {
        assertEquals(RunConfig.Adapters.EXTRACTOR_CURATION, resolve(Map.of()).adapters().curation());
        RunConfig raw = resolve(Map.of("adapters.curation", "\"raw\""));
        assertEquals(org.adaptbench.harness.approach.lora.FineTuningData.Curation.RAW,
                org.adaptbench.harness.approach.lora.FineTuningData.Curation.parse(raw.adapters().curation()));
    }
}
