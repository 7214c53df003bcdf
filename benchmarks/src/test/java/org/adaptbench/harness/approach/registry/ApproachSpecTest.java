package org.adaptbench.harness.approach.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Capabilities;
import org.junit.jupiter.api.Test;

/** Results names parse into registry specs and print back unchanged; what the registry does not know is refused by name. */
class ApproachSpecTest {

    @Test
    void everyResultsNameRoundTrips() {
        List<String> names = List.of("none", "full-context", "memory", "memory/no-recency", "memory/similarity-only",
                "global-lora", "variant-lora", "user-lora", "user-lora/nightly", "user-lora/every-event", "user-lora/every-25",
                "user-lora/retrain", "user-lora-merged/gradient-ascent", "user-lora-merged/detach", "combined",
                "combined/adapter-only");
        for (String name : names) {
            assertEquals(name, ApproachSpec.parse(name).wireName());
        }
    }

    @Test
    void unknownApproachesAndConditionsAreRefusedByName() {
        UsageException unknown = assertThrows(UsageException.class, () -> ApproachSpec.parse("memroy"));
        assertTrue(unknown.getMessage().contains("memroy") && unknown.getMessage().contains(ApproachNames.MEMORY), unknown.getMessage());
        UsageException condition = assertThrows(UsageException.class, () -> ApproachSpec.parse("memory/nightly"));
        assertTrue(condition.getMessage().contains("nightly"), condition.getMessage());
        assertThrows(UsageException.class, () -> ApproachSpec.parse("user-lora/every-0"));
        assertThrows(UsageException.class, () -> ApproachSpec.parse("combined/retrain"));
    }

    @Test
    void onlyApproachesThatDeclareItServeMerged() {
        for (ApproachKind kind : ApproachKind.values()) {
            if (kind.has(Capability.SERVES_MERGED)) {
                assertTrue(ApproachSpec.parse(kind.wireName() + "-merged").merged());
            } else {
                assertThrows(UsageException.class, () -> ApproachSpec.parse(kind.wireName() + "-merged"), kind.wireName());
            }
        }
    }

    @Test
    void theRegistryUsesTheResultsSchemasNames() {
        for (ApproachKind kind : ApproachKind.values()) {
            assertFalse(ApproachNames.isControl(kind.wireName()), kind.wireName() + " is a control's name");
            for (Capability capability : kind.capabilities()) {
                assertTrue(Capabilities.ALL.contains(capability.wireName()), capability + " has no results name");
            }
        }
        for (Capability capability : Capability.values()) {
            assertTrue(Capabilities.ALL.contains(capability.wireName()), capability.toString());
        }
        assertEquals(Capability.values().length, Capabilities.ALL.size(), "every capability of the schema is one of the registry's");
    }

    @Test
    void capabilitiesAreConsistent() {
        for (ApproachKind kind : ApproachKind.values()) {
            // an approach that needs no weights is exactly one a remote LLM can answer for
            assertEquals(!kind.has(Capability.CHANGES_WEIGHTS), kind.has(Capability.REMOTE_LLM), kind.wireName());
            if (kind.has(Capability.RETRAINS_PER_USER)) {
                assertTrue(kind.has(Capability.CHANGES_WEIGHTS) && kind.has(Capability.LEARNS_PER_USER), kind.wireName());
            }
            if (kind.has(Capability.REFERENCE)) {
                assertFalse(kind.has(Capability.LEARNS_PER_USER), kind.wireName());
            }
        }
        assertEquals(1, java.util.Arrays.stream(ApproachKind.values()).filter(kind -> kind.has(Capability.REFERENCE)).count(),
                "exactly one reference every lift is measured over");
    }
}
