package org.adaptbench.finetune.adapter;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.checkpoint.CheckpointFormatException;
import org.adaptbench.finetune.lora.AdapterBinding;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.model.OptionScorer;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;

/**
 * The adapters of one base model: register, save, load, attach, detach, delete, merge and unmerge
 * them, and serve requests that each name their adapter.
 *
 * <p>A registered adapter is <em>attached</em> when it can serve requests (its tensors are resident);
 * detaching keeps its weights in the registry but makes requests for it fail. At most one adapter is
 * merged into the base weights at a time; while it is, requests without an adapter get the merged
 * model and requests naming it are not applied twice. Every operation checks its input before it
 * changes anything, so a failed call leaves the registry as it was. Reads run in parallel; changes
 * take an exclusive lock.
 */
public final class AdapterRegistry implements AutoCloseable {

    private final ScoringModel base;
    /** Whether {@link #close} closes the base model too: it does when the registry made its own copy. */
    private final boolean ownsBase;
    private final NDManager manager;
    private final Map<String, Entry> entries = new TreeMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile ServingStack stack;
    private Merged merged;

    private static final class Entry {
        LoraAdapter adapter;
        ServingFactors serving;

        Entry(LoraAdapter adapter) {
            this.adapter = adapter;
        }
    }

    private record Merged(String adapter, Map<ModelLayer, float[]> snapshot) {
    }

    /** A registry over {@code base}; the caller keeps ownership of the model and closes it after the registry. */
    public AdapterRegistry(ScoringModel base) {
        this(base, false);
    }

    private AdapterRegistry(ScoringModel base, boolean ownsBase) {
        this.base = base;
        this.ownsBase = ownsBase;
        this.manager = base.manager().newSubManager();
    }

    /**
     * A registry over its own copy of {@code base} (the same weights, bit for bit), closed with it: for
     * a registry that merges adapters, whose writes to the base weights must not reach other users of
     * {@code base} running at the same time.
     */
    public static AdapterRegistry overCopyOf(ScoringModel base) {
        ScoringModel copy = ScoringModel.fromWeights(base.config(), base.weights());
        if (!copy.identity().equals(base.identity())) {
            copy.close();
            throw new IllegalStateException("the copy's weights differ from the base model's");
        }
        return new AdapterRegistry(copy, true);
    }

    public ScoringModel base() {
        return base;
    }

    /** Adds {@code adapter} under its name, attached. Fails if the name is taken or the adapter is for another base model. */
    public void register(LoraAdapter adapter) {
        withWriteLock(() -> {
            checkNew(adapter.name());
            adapter.checkFits(base.config(), base.identity());
            Entry entry = new Entry(adapter);
            entry.serving = new ServingFactors(manager, adapter);
            entries.put(adapter.name(), entry);
            putInStack(adapter);
        });
    }

    /** Swaps the weights of the registered adapter of the same name (e.g. after unlearning); attachment is kept. */
    public void replace(LoraAdapter adapter) {
        withWriteLock(() -> {
            Entry entry = entry(adapter.name());
            checkNotMergedAdapter(adapter.name(), "replace");
            adapter.checkFits(base.config(), base.identity());
            if (entry.serving != null) {
                ServingFactors old = entry.serving;
                entry.serving = new ServingFactors(manager, adapter);
                old.close();
            }
            entry.adapter = adapter;
            if (entry.serving != null) {
                putInStack(adapter);
            }
        });
    }

    /** Registers {@code adapter}, or replaces the weights of the adapter of the same name if there is one. */
    public void put(LoraAdapter adapter) {
        withWriteLock(() -> {
            if (entries.containsKey(adapter.name())) {
                replace(adapter);
            } else {
                register(adapter);
            }
        });
    }

    public LoraAdapter adapter(String name) {
        return withReadLock(() -> entry(name).adapter);
    }

    public boolean contains(String name) {
        return withReadLock(() -> entries.containsKey(name));
    }

    public boolean isAttached(String name) {
        return withReadLock(() -> entry(name).serving != null);
    }

    /** Registered adapter names, sorted. */
    public SortedSet<String> names() {
        return withReadLock(() -> Collections.unmodifiableSortedSet(new TreeSet<>(entries.keySet())));
    }

    /** Makes a registered adapter servable again. */
    public void attach(String name) {
        withWriteLock(() -> {
            Entry entry = entry(name);
            if (entry.serving == null) {
                entry.serving = new ServingFactors(manager, entry.adapter);
                putInStack(entry.adapter);
            }
        });
    }

    /** Stops serving an adapter (requests for it fail) but keeps its weights. Its users fall back to the base model. */
    public void detach(String name) {
        withWriteLock(() -> {
            Entry entry = entry(name);
            checkNotMergedAdapter(name, "detach");
            if (entry.serving != null) {
                entry.serving.close();
                entry.serving = null;
                removeFromStack(name);
            }
        });
    }

    /** Removes an adapter and frees its tensors. */
    public void delete(String name) {
        withWriteLock(() -> {
            Entry entry = entry(name);
            checkNotMergedAdapter(name, "delete");
            if (entry.serving != null) {
                entry.serving.close();
            }
            entries.remove(name);
            removeFromStack(name);
        });
    }

    /** Saves an adapter to {@code file} atomically; returns the bytes written. */
    public long save(String name, Path file) {
        return AdapterFile.write(adapter(name), file);
    }

    /**
     * Loads an adapter file and registers it under {@code name}, attached. Fails, leaving the
     * registry unchanged, if the file is truncated or corrupt or was made for another base model.
     */
    public LoraAdapter load(String name, Path file) {
        LoraAdapter.checkName(name);
        LoraAdapter adapter = AdapterFile.read(file).renamed(name);
        try {
            adapter.checkFits(base.config(), base.identity());
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException("adapter file " + file + " does not fit this base model: " + e.getMessage(), e);
        }
        register(adapter);
        return adapter;
    }

    /** Adds an adapter's update to the base weights. Only one adapter can be merged at a time. */
    public MergeReport merge(String name) {
        return withWriteLock(() -> {
            Entry entry = entry(name);
            if (merged != null) {
                throw new IllegalStateException("adapter " + merged.adapter() + " is already merged; unmerge it before merging " + name);
            }
            long start = System.nanoTime();
            ServingFactors factors = entry.serving != null ? entry.serving : new ServingFactors(manager, entry.adapter);
            Map<ModelLayer, float[]> snapshot = new EnumMap<>(ModelLayer.class);
            long bytes = 0;
            try (NDManager scope = manager.newSubManager()) {
                for (ModelLayer layer : factors.layers()) {
                    snapshot.put(layer, base.layer(layer).weight().toFloatArray());
                    bytes += (long) snapshot.get(layer).length * Float.BYTES;
                    base.layer(layer).addToWeight(factors.weightDelta(scope, layer));
                }
            } finally {
                if (factors != entry.serving) {
                    factors.close();
                }
            }
            // the serving stack holds attached adapters whether merged or not, so it stays valid
            merged = new Merged(name, snapshot);
            return new MergeReport(name, System.nanoTime() - start, bytes);
        });
    }

    /** Takes the merged adapter out of the base weights and reports the fp32 round-trip error. */
    public UnmergeReport unmerge(UnmergeMode mode) {
        return withWriteLock(() -> {
            if (merged == null) {
                throw new IllegalStateException("no adapter is merged");
            }
            long start = System.nanoTime();
            Entry entry = entry(merged.adapter());
            ServingFactors factors = entry.serving != null ? entry.serving : new ServingFactors(manager, entry.adapter);
            double maxError = 0;
            double errorSum = 0;
            long count = 0;
            try (NDManager scope = manager.newSubManager()) {
                for (ModelLayer layer : factors.layers()) {
                    base.layer(layer).subtractFromWeight(factors.weightDelta(scope, layer));
                    float[] after = base.layer(layer).weight().toFloatArray();
                    float[] before = merged.snapshot().get(layer);
                    for (int i = 0; i < after.length; i++) {
                        double error = Math.abs((double) after[i] - before[i]);
                        maxError = Math.max(maxError, error);
                        errorSum += error;
                    }
                    count += after.length;
                    if (mode == UnmergeMode.RESTORE) {
                        base.layer(layer).overwriteWeight(before);
                    }
                }
            } finally {
                if (factors != entry.serving) {
                    factors.close();
                }
            }
            String name = merged.adapter();
            merged = null;
            return new UnmergeReport(name, mode, System.nanoTime() - start, maxError, count == 0 ? 0 : errorSum / count);
        });
    }

    public Optional<String> mergedAdapter() {
        return withReadLock(() -> Optional.ofNullable(merged).map(Merged::adapter));
    }

    /**
     * Scores every request in one forward pass, each row with its own adapter (gathered per row,
     * as S-LoRA and Punica do); rows without an adapter use the base model.
     */
    public List<OptionScores> score(List<ScoringRequest> requests) {
        return withReadLock(() -> {
            List<Prompt> prompts = new ArrayList<>(requests.size());
            List<Optional<String>> adapters = new ArrayList<>(requests.size());
            for (ScoringRequest request : requests) {
                prompts.add(request.prompt());
                Optional<String> adapter = effective(request.adapter());
                adapter.ifPresent(this::serving);
                adapters.add(adapter);
            }
            Optional<String> first = adapters.isEmpty() ? Optional.empty() : adapters.get(0);
            boolean uniform = adapters.stream().allMatch(first::equals);
            if (uniform) {
                // one adapter (or none) for the whole batch: the cheaper shared layout
                AdapterBinding binding = first.map(name -> serving(name).binding()).orElse(AdapterBinding.NONE);
                return base.score(prompts, false, scope -> binding);
            }
            ServingStack servingStack = stack();
            int[] slots = new int[requests.size()];
            for (int i = 0; i < slots.length; i++) {
                Optional<String> adapter = adapters.get(i);
                slots[i] = adapter.isPresent() ? servingStack.slotOf(adapter.get()) : 0;
            }
            try (ServingStack.Gathered gathered = servingStack.gather(slots)) {
                AdapterBinding binding = gathered.bind();
                return base.score(prompts, false, scope -> binding);
            }
        });
    }

    /** Scores {@code prompts} all with the same adapter (or the base model when empty). */
    public List<OptionScores> score(List<Prompt> prompts, Optional<String> adapter) {
        return withReadLock(() -> {
            Optional<String> applied = effective(adapter);
            AdapterBinding binding = applied.map(name -> serving(name).binding()).orElse(AdapterBinding.NONE);
            return base.score(prompts, false, scope -> binding);
        });
    }

    /**
     * Naive multi-adapter serving, the baseline of mixed batching: requests one at a time, switching
     * the active adapter between them.
     */
    public List<OptionScores> scoreOneByOne(List<ScoringRequest> requests) {
        List<OptionScores> scores = new ArrayList<>(requests.size());
        for (ScoringRequest request : requests) {
            scores.add(score(List.of(request.prompt()), request.adapter()).get(0));
        }
        return scores;
    }

    /** A scorer view answering with {@code adapter} (or the base model when empty). */
    public OptionScorer scorer(Optional<String> adapter) {
        adapter.ifPresent(name -> withReadLock(() -> serving(name)));
        return prompts -> score(prompts, adapter);
    }

    @Override
    public void close() {
        withWriteLock(() -> {
            if (merged != null) {
                unmerge(UnmergeMode.RESTORE);
            }
            invalidateStack();
            manager.close();
            entries.clear();
            if (ownsBase) {
                base.close();
            }
        });
    }

    private Optional<String> effective(Optional<String> adapter) {
        // the merged adapter is already in the base weights
        return merged != null && adapter.isPresent() && adapter.get().equals(merged.adapter()) ? Optional.empty() : adapter;
    }

    private ServingFactors serving(String name) {
        Entry entry = entry(name);
        if (entry.serving == null) {
            throw new IllegalStateException("adapter " + name + " is detached; attach it before serving requests with it");
        }
        return entry.serving;
    }

    private ServingStack stack() {
        ServingStack current = stack;
        if (current == null) {
            synchronized (this) {
                if (stack == null) {
                    List<LoraAdapter> attached = new ArrayList<>();
                    entries.values().stream().filter(entry -> entry.serving != null).forEach(entry -> attached.add(entry.adapter));
                    stack = new ServingStack(base.config(), attached, manager);
                }
                current = stack;
            }
        }
        return current;
    }

    /** Writes an attached adapter into the live stack in place, or drops the stack when the adapter needs another layout. */
    private void putInStack(LoraAdapter adapter) {
        ServingStack current = stack;
        if (current != null && current.fits(adapter)) {
            current.put(adapter);
        } else {
            invalidateStack();
        }
    }

    private void removeFromStack(String name) {
        ServingStack current = stack;
        if (current != null) {
            current.remove(name);
        }
    }

    private void invalidateStack() {
        // callers hold the write lock, so no batch is reading the stack's tensors
        ServingStack old = stack;
        stack = null;
        if (old != null) {
            old.close();
        }
    }

    private Entry entry(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("no adapter named " + name + " (registered: " + entries.keySet() + ")");
        }
        return entry;
    }

    private void checkNew(String name) {
        LoraAdapter.checkName(name);
        if (withReadLock(() -> entries.containsKey(name))) {
            throw new IllegalArgumentException("an adapter named " + name + " is already registered");
        }
    }

    private void checkNotMerged(String action) {
        Optional<String> current = mergedAdapter();
        if (current.isPresent()) {
            throw new IllegalStateException("cannot " + action + " while adapter " + current.get() + " is merged into the base; unmerge it first");
        }
    }

    private void checkNotMergedAdapter(String name, String action) {
        if (merged != null && merged.adapter().equals(name)) {
            throw new IllegalStateException("cannot " + action + " adapter " + name + ": it is merged into the base; unmerge it first");
        }
    }

    private <T> T withReadLock(java.util.function.Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T withWriteLock(java.util.function.Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void withWriteLock(Runnable action) {
        withWriteLock(() -> {
            action.run();
            return null;
        });
    }
}
