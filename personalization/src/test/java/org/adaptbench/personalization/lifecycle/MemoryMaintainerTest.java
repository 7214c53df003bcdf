package org.adaptbench.personalization.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.store.InMemoryMemoryStore;
import org.adaptbench.personalization.store.Memory;
import org.adaptbench.personalization.store.MemoryDraft;
import org.adaptbench.personalization.store.MemoryKind;
import org.adaptbench.personalization.store.TestVectors;
import org.junit.jupiter.api.Test;

class MemoryMaintainerTest {

    private static final int DIM = 16;
    private final ManualClock clock = new ManualClock(Instant.parse("2024-01-01T00:00:00Z"));
    private final InMemoryMemoryStore store = new InMemoryMemoryStore(DIM, clock);

    private Memory add(String text, float[] vector, String slot) {
        return store.add("u", new MemoryDraft(text, vector, slot, MemoryKind.EXPLICIT, 1));
    }

    @Test
    void nearDuplicatesOfTheSameSlotAreMergedIntoTheMostUsed() {
        Random random = new Random(1);
        float[] base = TestVectors.random(random, DIM);
        Memory first = add("likes tea", base, "drink");
        Memory second = add("likes tea a lot", TestVectors.near(base, 0.01, random), "drink");
        Memory otherSlot = add("tea-coloured walls", TestVectors.near(base, 0.01, random), "decor");
        Memory different = add("hates coffee", TestVectors.random(random, DIM), "drink");
        store.recordUse("u", List.of(second.id()), clock.instant());
        MemoryMaintainer maintainer = new MemoryMaintainer(store, LifecyclePolicy.DEFAULTS, 0.5, clock);
        assertEquals(List.of(first.id()), maintainer.consolidate("u"));
        assertEquals(List.of(second.id(), otherSlot.id(), different.id()), store.list("u").stream().map(Memory::id).toList());
        assertEquals(3, store.get("u", second.id()).orElseThrow().useCount(), "reinforced by the merge");
        assertEquals(List.of(), maintainer.consolidate("u"));
    }

    @Test
    void staleMemoriesExpireByIdleTimeOrActivation() {
        Memory old = add("old", TestVectors.axis(0, DIM), "");
        clock.advance(Duration.ofDays(40));
        Memory recent = add("recent", TestVectors.axis(1, DIM), "");
        clock.advance(Duration.ofDays(1));
        MemoryMaintainer idle = new MemoryMaintainer(store, LifecyclePolicy.DEFAULTS.withMaxIdle(Duration.ofDays(30)), 0.5, clock);
        assertEquals(List.of(old.id()), idle.expire("u"));
        assertEquals(List.of(recent.id()), store.list("u").stream().map(Memory::id).toList());
        // one use a day ago: B = ln(86400^-0.5) = -5.68
        MemoryMaintainer faded = new MemoryMaintainer(store, LifecyclePolicy.DEFAULTS.withMinActivation(-5.0), 0.5, clock);
        assertEquals(List.of(recent.id()), faded.expire("u"));
        assertEquals(List.of(), new MemoryMaintainer(store, LifecyclePolicy.DEFAULTS, 0.5, clock).expire("u"));
    }

    @Test
    void theCapEvictsTheLeastActiveFirstAndSparesTheKeptOnes() {
        Memory a = add("a", TestVectors.axis(0, DIM), "");
        clock.advance(Duration.ofHours(1));
        Memory b = add("b", TestVectors.axis(1, DIM), "");
        clock.advance(Duration.ofHours(1));
        Memory c = add("c", TestVectors.axis(2, DIM), "");
        store.recordUse("u", List.of(a.id()), clock.instant());
        clock.advance(Duration.ofHours(1));
        MemoryMaintainer maintainer = new MemoryMaintainer(store, LifecyclePolicy.DEFAULTS.withMaxMemoriesPerUser(1), 0.5, clock);
        assertEquals(List.of(b.id()), maintainer.enforceCap("u", Set.of(c.id(), a.id())).subList(0, 1));
        assertEquals(List.of(a.id(), c.id()), store.list("u").stream().map(Memory::id).toList());
        assertEquals(List.of(c.id()), maintainer.enforceCap("u", Set.of()), "c, written once, is less active than a, used since");
    }
}
