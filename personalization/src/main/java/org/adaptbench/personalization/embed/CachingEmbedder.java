package org.adaptbench.personalization.embed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Embeds each distinct text once per process and answers repeats from memory; thread-safe.
 *
 * <p>One instance can be shared by every part of a program (the memory layer and anything else
 * that embeds). Concurrent requests for the same uncached text run the model once: the first
 * caller computes, the others wait for its result.
 *
 * <p><b>Hard delete.</b> A cached entry holds the text itself (the key) and its embedding, from
 * which text can be partly recovered, so it is personal data of whoever wrote it. The cache
 * therefore keeps a ledger of who holds each text: {@link #embedFor} records a user as an owner,
 * {@link #embed} records the text as shared (not any one user's: questions, options, documents).
 * {@link #forgetOwner} removes a user from the ledger and drops every text that no other user and
 * no shared caller holds. A text that someone else still holds stays: its presence reveals nothing
 * about the deleted user, since it would be cached without them.
 */
public final class CachingEmbedder implements Embedder {

    private final Embedder delegate;
    private final ConcurrentHashMap<String, CompletableFuture<float[]>> cache = new ConcurrentHashMap<>();
    private final Object ledgerLock = new Object();
    private final Map<String, Set<String>> ownersByText = new HashMap<>();
    private final Map<String, Set<String>> textsByOwner = new HashMap<>();
    private final Set<String> sharedTexts = new HashSet<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder evicted = new LongAdder();

    public CachingEmbedder(Embedder delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return lookup(null, texts);
    }

    @Override
    public float[] embedFor(String ownerId, String text) {
        return embedAllFor(ownerId, List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAllFor(String ownerId, List<String> texts) {
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("ownerId is null or blank");
        }
        return lookup(ownerId, texts);
    }

    @Override
    public int forgetOwner(String ownerId) {
        int dropped = 0;
        synchronized (ledgerLock) {
            Set<String> texts = textsByOwner.remove(ownerId);
            if (texts == null) {
                return 0;
            }
            for (String text : texts) {
                Set<String> owners = ownersByText.get(text);
                owners.remove(ownerId);
                if (owners.isEmpty()) {
                    ownersByText.remove(text);
                    if (!sharedTexts.contains(text) && cache.remove(text) != null) {
                        dropped++;
                    }
                }
            }
        }
        evicted.add(dropped);
        return dropped;
    }

    @Override
    public boolean forgetText(String ownerId, String text) {
        boolean dropped = false;
        synchronized (ledgerLock) {
            Set<String> texts = textsByOwner.get(ownerId);
            if (texts == null || !texts.remove(text)) {
                return false;
            }
            if (texts.isEmpty()) {
                textsByOwner.remove(ownerId);
            }
            Set<String> owners = ownersByText.get(text);
            owners.remove(ownerId);
            if (owners.isEmpty()) {
                ownersByText.remove(text);
                dropped = !sharedTexts.contains(text) && cache.remove(text) != null;
            }
        }
        if (dropped) {
            evicted.increment();
        }
        return dropped;
    }

    /** True when {@code text} is cached now. */
    public boolean contains(String text) {
        return cache.containsKey(text);
    }

    public CacheStats stats() {
        return new CacheStats(hits.sum(), misses.sum(), cache.size(), evicted.sum());
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public String modelId() {
        return delegate.modelId();
    }

    private List<float[]> lookup(String ownerId, List<String> texts) {
        List<CompletableFuture<float[]>> futures = new ArrayList<>(texts.size());
        List<String> toCompute = new ArrayList<>();
        List<CompletableFuture<float[]>> computing = new ArrayList<>();
        // Ledger update and cache insertion happen under one lock so that a concurrent
        // forgetOwner never leaves an entry cached without an owner.
        synchronized (ledgerLock) {
            for (String text : texts) {
                LangChain4jEmbedder.checkText(text);
                register(ownerId, text);
                CompletableFuture<float[]> future = cache.get(text);
                if (future == null) {
                    future = new CompletableFuture<>();
                    cache.put(text, future);
                    toCompute.add(text);
                    computing.add(future);
                    misses.increment();
                } else {
                    hits.increment();
                }
                futures.add(future);
            }
        }
        if (!toCompute.isEmpty()) {
            compute(toCompute, computing);
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (CompletableFuture<float[]> future : futures) {
            vectors.add(join(future).clone());
        }
        return vectors;
    }

    private void register(String ownerId, String text) {
        if (ownerId == null) {
            sharedTexts.add(text);
            return;
        }
        ownersByText.computeIfAbsent(text, t -> new HashSet<>()).add(ownerId);
        textsByOwner.computeIfAbsent(ownerId, o -> new HashSet<>()).add(text);
    }

    private void compute(List<String> texts, List<CompletableFuture<float[]>> futures) {
        try {
            List<float[]> vectors = delegate.embedAll(texts);
            for (int i = 0; i < futures.size(); i++) {
                futures.get(i).complete(vectors.get(i));
            }
        } catch (RuntimeException | Error e) {
            // failed texts must not stay cached as failures: the next caller retries
            for (int i = 0; i < futures.size(); i++) {
                cache.remove(texts.get(i), futures.get(i));
                futures.get(i).completeExceptionally(e);
            }
            throw e;
        }
    }

    private static float[] join(CompletableFuture<float[]> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an embedding", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("embedding failed: " + cause, cause);
        }
    }
}
