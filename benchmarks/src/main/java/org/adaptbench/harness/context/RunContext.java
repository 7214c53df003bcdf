package org.adaptbench.harness.context;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.cell.CellKey;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.workload.Workload;

/**
 * What scenarios share during a run: the bench, the approaches selected, one approach context per
 * workload, and memoised cells, so a cell that several scenarios read (a full replay of an approach)
 * runs once and is saved for {@code --resume}.
 *
 * <p>Cells may run at once ({@link #prefetch}, {@code parallel_cells}): a cell computes from its own
 * inputs with its own approach instance, and what cells share (the embedding cache, the base model,
 * a workload's extraction and fine-tuning data, a domain adapter) is thread-safe and gives the same
 * values whichever cell asks first, so the figures are the same as one cell after another.
 * {@code RepeatabilityTest} checks that on every approach and scenario.
 */
public final class RunContext implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Bench bench;
    private final RunDirectory directory;
    private final List<ApproachSpec> approaches;
    private final Optional<Path> storeDirectory;
    private final Map<String, ApproachContext> contexts = new HashMap<>();
    private final Map<CellKey, CompletableFuture<CellResult>> memo = new ConcurrentHashMap<>();
    /** CPU time of each cell this run computed, on the thread that computed it, cells it read included. */
    private final Map<CellKey, Long> cpuNanos = new ConcurrentHashMap<>();
    /** Time threads spent waiting for a cell another thread was computing: the run's idle time that a better cell order could fill. */
    private final LongAdder waitedNanos = new LongAdder();
    private final int cellsAtOnce;
    /** The threads prefetched cells run on, started on first use. */
    private ExecutorService workers;

    /**
     * @param storeDirectory where memory approaches keep their durable stores (one file per instance),
     *     or empty to keep them in memory
     */
    public RunContext(Bench bench, RunDirectory directory, List<ApproachSpec> approaches, Optional<Path> storeDirectory) {
        this.bench = bench;
        this.directory = directory;
        this.approaches = List.copyOf(approaches);
        this.storeDirectory = storeDirectory;
        this.cellsAtOnce = bench.config().cellsAtOnce();
    }

    public Bench bench() {
        return bench;
    }

    public Progress progress() {
        return bench.progress();
    }

    /** The approaches the run compares, in the order given. */
    public List<ApproachSpec> approaches() {
        return approaches;
    }

    /** The run's approaches that {@code which} selects, in the order given. */
    public List<ApproachSpec> approaches(Predicate<ApproachSpec> which) {
        return approaches.stream().filter(which).toList();
    }

    /** Whether any approach of the run has {@code capability}. */
    public boolean runs(Capability capability) {
        return approaches.stream().anyMatch(spec -> spec.has(capability));
    }

    /**
     * Why the approach cannot run on {@code workload}, if it cannot: with a remote LLM only approaches
     * that need no weights can, and some approaches need data a workload may lack (their factory says which).
     */
    public Optional<String> unavailable(ApproachSpec spec, Workload workload) {
        if (bench.llm().isPresent() && !spec.has(Capability.REMOTE_LLM)) {
            return Optional.of("to a remote LLM (it changes model weights)");
        }
        return spec.kind().factory().unavailable(approachContext(workload));
    }

    /** Whether the approach can run on {@code workload} ({@link #unavailable} says why not). */
    public boolean applicable(ApproachSpec spec, Workload workload) {
        return unavailable(spec, workload).isEmpty();
    }

    /** The services approaches of {@code workload} are built from. */
    public synchronized ApproachContext approachContext(Workload workload) {
        return contexts.computeIfAbsent(workload.name(), name -> new ApproachContext(bench, workload, storeDirectory));
    }

    /** A new instance of {@code spec} for {@code workload}. */
    public Approach create(ApproachSpec spec, Workload workload) {
        return spec.create(approachContext(workload));
    }

    /**
     * The cell's saved result, or {@code compute}'s, saved on completion. A cell another thread is
     * computing is waited for, not computed twice.
     */
    public CellResult cell(String experiment, Workload workload, String cell, Supplier<CellResult> compute) {
        CellKey key = new CellKey(experiment, workload.name(), workload.dataset().contentHash(), cell);
        CompletableFuture<CellResult> mine = new CompletableFuture<>();
        CompletableFuture<CellResult> known = memo.putIfAbsent(key, mine);
        if (known != null) {
            if (known.isDone()) {
                return join(known);
            }
            long start = System.nanoTime();
            try {
                return join(known);
            } finally {
                waitedNanos.add(System.nanoTime() - start);
            }
        }
        try {
            CellResult result = directory.finished(key).orElseGet(() -> {
                long start = THREADS.getCurrentThreadCpuTime();
                CellResult computed = compute.get();
                cpuNanos.put(key, THREADS.getCurrentThreadCpuTime() - start);
                directory.save(key, computed);
                return computed;
            });
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            memo.remove(key, mine); // a later call retries, as before cells could run at once
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** Seconds that threads have spent waiting for a cell another thread was computing. */
    public double waitedSeconds() {
        return waitedNanos.sum() / 1e9;
    }

    /**
     * The {@code n} computed cells that took the most CPU time, most first, as
     * "experiment/workload/cell seconds" (a cell's time includes the cells it read that were not yet
     * computed), so a run log says where its time went.
     */
    public List<String> costliestCells(int n) {
        return cpuNanos.entrySet().stream()
                .sorted(Map.Entry.<CellKey, Long>comparingByValue().reversed().thenComparing(e -> e.getKey().toString()))
                .limit(n)
                .map(e -> String.format(Locale.US, "%s/%s/%s %.1f s", e.getKey().scenario(), e.getKey().dataset(), e.getKey().cell(),
                        e.getValue() / 1e9))
                .toList();
    }

    /**
     * Runs {@code cells} (each reads one or more cells through {@link #cell}) on up to
     * {@code parallel_cells} threads and returns when all have finished, so that the scenario's own
     * reads, in its own order, find them done. With one cell at a time, or called from a cell's own
     * thread, they run here in order. The first failure in list order is rethrown once every cell
     * before it has finished; cells after it that have not started are dropped.
     */
    public void prefetch(List<Runnable> cells) {
        if (cellsAtOnce <= 1 || cells.size() <= 1 || Thread.currentThread().getName().startsWith(WORKER)) {
            cells.forEach(Runnable::run);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        for (Runnable cell : cells) {
            running.add(workers().submit(cell));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while waiting for cells", e);
            } catch (ExecutionException e) {
                // the first failure in list order ends the batch: the cells after it that have not started never will
                running.forEach(f -> f.cancel(false));
                throw unwrap(e.getCause());
            }
        }
    }

    /** Prefix of the worker threads' names. */
    private static final String WORKER = "adaptbench-cell-";

    private synchronized ExecutorService workers() {
        if (workers == null) {
            AtomicInteger count = new AtomicInteger();
            workers = Executors.newFixedThreadPool(cellsAtOnce, task -> {
                Thread thread = new Thread(task, WORKER + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }

    private static CellResult join(CompletableFuture<CellResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a cell", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
        contexts.values().forEach(ApproachContext::close);
    }
}
