package org.adaptbench.harness.approach.lora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adaptbench.harness.usage.UsageException;
import org.junit.jupiter.api.Test;

class CadenceTest {

    @Test
    void wireNamesParseBack() {
        for (String name : new String[] {"every-event", "every-2", "every-10", "nightly", "manual"}) {
            assertEquals(name, Cadence.parse(name).wireName());
        }
        assertEquals(Cadence.EVERY_EVENT, Cadence.parse("every-1"));
        assertEquals(Cadence.parse("every-10"), Cadence.parse(" Every-10 "));
        assertTrue(Cadence.parse("nightly").nightly());
    }

    @Test
    void badCadencesAreRefusedWithTheAcceptedForms() {
        for (String bad : new String[] {"every-0", "every--3", "every-x", "weekly", ""}) {
            UsageException refused = assertThrows(UsageException.class, () -> Cadence.parse(bad), bad);
            assertTrue(refused.getMessage().contains("every-N"), refused.getMessage());
        }
    }

    @Test
    void nightlyRunsAtMidnightUtcOfTheHistorysClock() {
        long noon = 86_400_000L * 3 + 43_200_000L;
        assertEquals(3, Cadence.day(noon));
        assertEquals(86_400_000L * 3, Cadence.midnightOf(noon));
    }
}
