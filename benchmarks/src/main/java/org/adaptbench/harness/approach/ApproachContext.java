package org.adaptbench.harness.approach;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.workload.Workload;

/**
 * What approach factories build from, for one workload of a run: the run's shared services, the
 * workload, state that several approaches share (built once, on first use), and where durable
 * stores may put their files.
 */
public final class ApproachContext implements AutoCloseable {

    private final Bench bench;
    private final Workload workload;
    private final Optional<Path> storeDirectory;
    private final Map<String, Object> shared = new HashMap<>();
    private final AtomicInteger stores = new AtomicInteger();

    /**
     * @param storeDirectory where approaches that keep a durable store put its files (one per
     *     instance); empty when the run keeps everything in memory
     */
    public ApproachContext(Bench bench, Workload workload, Optional<Path> storeDirectory) {
        this.bench = Objects.requireNonNull(bench, "bench");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.storeDirectory = Objects.requireNonNull(storeDirectory, "storeDirectory");
    }

    public Bench bench() {
        return bench;
    }

    public RunConfig config() {
        return bench.config();
    }

    public Workload workload() {
        return workload;
    }

    /**
     * The value shared under {@code key} by every approach of this workload, built by {@code build}
     * the first time it is asked for (a fine-tuning data pipeline, a trained domain adapter).
     */
    public synchronized <T> T shared(String key, Class<T> type, Supplier<T> build) {
        Object value = shared.get(key);
        if (value == null) {
            value = Objects.requireNonNull(build.get(), key);
            shared.put(key, value);
        }
        return type.cast(value);
    }

    /** The value shared under {@code key}, if something has built it already. */
    public synchronized <T> Optional<T> sharedIfBuilt(String key, Class<T> type) {
        return Optional.ofNullable(shared.get(key)).map(type::cast);
    }

    /** A fresh file for one durable store, unique within the run, or empty when stores live in memory. */
    public Optional<Path> newStoreFile(String purpose) {
        String safe = (workload.name() + "-" + purpose).replaceAll("[^A-Za-z0-9._-]", "+");
        return storeDirectory.map(dir -> dir.resolve(String.format(java.util.Locale.US, "%s-%04d.sqlite", safe,
                stores.incrementAndGet())));
    }

    /** Closes every shared value that holds resources. */
    @Override
    public synchronized void close() {
        for (Object value : shared.values()) {
            if (value instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing shared " + value, e);
                }
            }
        }
        shared.clear();
    }
}
