package org.adaptbench.personalization.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.adaptbench.personalization.score.RetrievalScorer;
import org.adaptbench.personalization.store.Memory;
import org.adaptbench.personalization.store.MemoryFilter;
import org.adaptbench.personalization.store.MemoryHit;
import org.adaptbench.personalization.store.MemoryKind;
import org.adaptbench.personalization.store.MemoryStore;

/**
 * Keeps a user's memory tidy: merges near-duplicates, expires stale memories, and evicts the
 * least active ones beyond the cap. Activity is the ACT-R base-level activation of
 * {@link RetrievalScorer#baseLevelActivation}, so a memory used often and lately outlives one
 * written once long ago. Every deletion is a hard delete of the store.
 */
public final class MemoryMaintainer {

    private final MemoryStore store;
    private final LifecyclePolicy policy;
    private final double decay;
    private final Clock clock;

    /**
     * @param decay the ACT-R decay used to rank activity (the score weights' {@code decay})
     */
    public MemoryMaintainer(MemoryStore store, LifecyclePolicy policy, double decay, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.decay = decay;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public LifecyclePolicy policy() {
        return policy;
    }

    /** Consolidation, then expiry, then the cap. */
    public MaintenanceReport maintain(String userId) {
        List<Long> merged = consolidate(userId);
        List<Long> expired = expire(userId);
        List<Long> evicted = enforceCap(userId, Set.of());
        return new MaintenanceReport(merged, expired, evicted);
    }

    /**
     * Merges preferences of the same slot whose vectors are at least {@code duplicateThreshold}
     * similar: the most used one (then the newest) survives and gets one use per merged duplicate.
     * Episodes are never merged: two turns that say the same thing were still both said. Returns the
     * ids deleted.
     */
    public List<Long> consolidate(String userId) {
        List<Memory> memories = new ArrayList<>(store.list(userId).stream().filter(m -> m.kind().isPreference()).toList());
        memories.sort(Comparator.comparingInt(Memory::useCount).reversed()
                .thenComparing(Memory::updatedAt, Comparator.reverseOrder()).thenComparingLong(Memory::id));
        Set<Long> gone = new HashSet<>();
        List<Long> deleted = new ArrayList<>();
        Instant now = clock.instant();
        for (Memory survivor : memories) {
            if (gone.contains(survivor.id())) {
                continue;
            }
            float[] vector = store.vector(userId, survivor.id()).orElse(null);
            if (vector == null) {
                continue;
            }
            List<Long> duplicates = new ArrayList<>();
            for (MemoryHit hit : store.search(userId, vector, memories.size(), MemoryFilter.slot(survivor.slot()).withKinds(MemoryKind.PREFERENCES))) {
                if (hit.similarity() < policy.duplicateThreshold()) {
                    break;
                }
                long id = hit.memory().id();
                if (id != survivor.id() && !gone.contains(id)) {
                    duplicates.add(id);
                }
            }
            for (long id : duplicates) {
                if (store.delete(userId, id)) {
                    gone.add(id);
                    deleted.add(id);
                    store.recordUse(userId, List.of(survivor.id()), now);
                }
            }
        }
        return deleted;
    }

    /** Deletes memories unused for longer than {@code maxIdle} or below {@code minActivation}; returns their ids. */
    public List<Long> expire(String userId) {
        if (policy.maxIdle().isEmpty() && policy.minActivation().isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Long> expired = new ArrayList<>();
        for (Memory memory : store.list(userId)) {
            boolean idle = policy.maxIdle().map(max -> Duration.between(memory.lastUse(), now).compareTo(max) > 0).orElse(false);
            boolean faded = policy.minActivation().map(min -> RetrievalScorer.baseLevelActivation(memory, now, decay) < min).orElse(false);
            if ((idle || faded) && store.delete(userId, memory.id())) {
                expired.add(memory.id());
            }
        }
        return expired;
    }

    /**
     * Evicts the least active preferences until the user holds at most {@code maxMemoriesPerUser},
     * and the least active episodes until at most {@code maxEpisodesPerUser}; returns their ids.
     * Memories in {@code keep} (the ones just written) are never evicted: a fresh memory has had no
     * chance to be used yet.
     */
    public List<Long> enforceCap(String userId, Set<Long> keep) {
        if (store.count(userId) <= Math.min(policy.maxMemoriesPerUser(), policy.maxEpisodesPerUser())) {
            return List.of();
        }
        List<Memory> all = store.list(userId);
        List<Long> evicted = new ArrayList<>(evict(userId, all.stream().filter(m -> m.kind().isPreference()).toList(),
                policy.maxMemoriesPerUser(), keep));
        evicted.addAll(evict(userId, all.stream().filter(m -> !m.kind().isPreference()).toList(), policy.maxEpisodesPerUser(), keep));
        return evicted;
    }

    private List<Long> evict(String userId, List<Memory> memories, int cap, Set<Long> keep) {
        int excess = memories.size() - cap;
        if (excess <= 0) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Memory> byActivity = new ArrayList<>(memories);
        byActivity.removeIf(m -> keep.contains(m.id()));
        byActivity.sort(Comparator.comparingDouble((Memory m) -> RetrievalScorer.baseLevelActivation(m, now, decay))
                .thenComparingLong(Memory::id));
        List<Long> evicted = new ArrayList<>();
        for (Memory memory : byActivity.subList(0, Math.min(excess, byActivity.size()))) {
            if (store.delete(userId, memory.id())) {
                evicted.add(memory.id());
            }
        }
        return evicted;
    }
}
