package org.adaptbench.harness.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.run.RunPlan;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells computed at once: each once, on several threads, waits counted, failures rethrown in list order, nested prefetches inline. */
class RunContextTest {

    @TempDir
    Path dir;

    @Test
    void aCellAskedForOnSeveralThreadsAtOnceIsComputedOnce() {
        AtomicInteger computed = new AtomicInteger();
        withContext(2, (context, workload) -> {
            List<Runnable> asks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                asks.add(() -> context.cell("experiment", workload, "cell", () -> {
                    computed.incrementAndGet();
                    sleep(50); // long enough for the other thread to ask while this one computes
                    return result(1);
                }));
            }
            context.prefetch(asks);
            assertEquals(1, context.cell("experiment", workload, "cell", () -> result(2)).measurement("value")[0], 0,
                    "the prefetched result is the one read afterwards");
        });
        assertEquals(1, computed.get(), "a cell is computed once however many threads ask for it");
    }

    @Test
    void waitingForACellAnotherThreadComputesIsCountedAndReadingADoneOneIsNot() {
        withContext(2, (context, workload) -> {
            CountDownLatch computing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread owner = new Thread(() -> context.cell("experiment", workload, "cell", () -> {
                computing.countDown();
                await(release);
                return result(1);
            }));
            owner.start();
            await(computing);
            Thread reader = new Thread(() -> context.cell("experiment", workload, "cell", () -> result(2)));
            reader.start();
            sleep(200); // the reader asks while the owner still computes
            release.countDown();
            join(owner);
            join(reader);
            double waited = context.waitedSeconds();
            assertTrue(waited > 0, "the reader waited for the owner: " + waited);
            context.cell("experiment", workload, "cell", () -> result(3));
            assertEquals(waited, context.waitedSeconds(), 0, "reading a finished cell waits for nothing");
        });
    }

    @Test
    void cellsRunOnSeveralThreadsAtOnce() {
        withContext(2, (context, workload) -> {
            // each cell waits for the other to start: both finish only if they run at the same time
            CountDownLatch bothStarted = new CountDownLatch(2);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            List<Runnable> cells = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                cells.add(() -> context.cell("experiment", workload, name, () -> {
                    threads.add(Thread.currentThread().getName());
                    bothStarted.countDown();
                    await(bothStarted);
                    return result(1);
                }));
            }
            context.prefetch(cells);
            assertEquals(2, threads.size(), "two cells, two threads: " + threads);
            assertTrue(threads.stream().noneMatch(Thread.currentThread().getName()::equals), "the caller only waits");
        });
    }

    @Test
    void oneCellAtATimeRunsInTheCallersThreadInOrder() {
        withContext(1, (context, workload) -> {
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            String caller = Thread.currentThread().getName();
            List<Runnable> cells = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                cells.add(() -> {
                    assertEquals(caller, Thread.currentThread().getName());
                    order.add(name);
                });
            }
            context.prefetch(cells);
            assertEquals(List.of("a", "b", "c"), order);
        });
    }

    @Test
    void theFirstFailureInListOrderIsRethrownAndLaterCellsNotYetStartedAreDropped() {
        withContext(2, (context, workload) -> {
            CountDownLatch laterFailed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger started = new AtomicInteger();
            List<Runnable> cells = new ArrayList<>(List.of(
                    () -> {
                        await(laterFailed); // fails second in time, first in the list
                        throw new IllegalArgumentException("first in the list");
                    },
                    () -> {
                        laterFailed.countDown();
                        await(release);
                        throw new IllegalStateException("first in time");
                    }));
            for (int i = 0; i < 20; i++) {
                cells.add(() -> {
                    started.incrementAndGet();
                    sleep(20);
                });
            }
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> context.prefetch(cells));
            assertEquals("first in the list", thrown.getMessage());
            release.countDown();
            assertTrue(started.get() < 20, "cells queued behind the failure are not all run: " + started.get());
        });
    }

    @Test
    void aCellThatFailedIsComputedAgainWhenAskedAgain() {
        withContext(2, (context, workload) -> {
            assertThrows(IllegalStateException.class, () -> context.cell("experiment", workload, "cell", () -> {
                throw new IllegalStateException("broken");
            }));
            assertEquals(3, context.cell("experiment", workload, "cell", () -> result(3)).measurement("value")[0], 0);
        });
    }

    @Test
    void aPrefetchInsideACellRunsOnThatCellsThread() {
        withContext(2, (context, workload) -> {
            Map<String, String> threadOf = new ConcurrentHashMap<>();
            List<Runnable> outer = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                outer.add(() -> {
                    threadOf.put(name, Thread.currentThread().getName());
                    // with a fixed pool, waiting here for nested cells queued behind this one would never end
                    context.prefetch(List.of(() -> threadOf.put(name + "/1", Thread.currentThread().getName()),
                            () -> threadOf.put(name + "/2", Thread.currentThread().getName())));
                });
            }
            context.prefetch(outer);
            for (String name : List.of("a", "b")) {
                assertEquals(threadOf.get(name), threadOf.get(name + "/1"));
                assertEquals(threadOf.get(name), threadOf.get(name + "/2"));
            }
            assertNotEquals(Thread.currentThread().getName(), threadOf.get("a"));
        });
    }

    private void withContext(int cellsAtOnce, java.util.function.BiConsumer<RunContext, Workload> test) {
        var tree = ConfigResolver.bundled().resolve("smoke", Map.of("parallel_cells", Integer.toString(cellsAtOnce),
                "datasets", "[\"synthetic\"]", "synthetic.users", "4", "synthetic.events_per_user", "4"));
        RunPlan plan = RunPlan.of(tree);
        try (Bench bench = new Bench(plan.config(), new HashingEmbedder(16), Optional.empty(), Progress.silent());
                RunDirectory directory = RunDirectory.create(dir.resolve("run"), plan.identity());
                RunContext context = new RunContext(bench, directory, plan.approaches(), Optional.empty())) {
            test.accept(context, Workloads.synthetic(plan.config()));
        }
    }

    private static CellResult result(double value) {
        return new CellResult(List.of(), Map.of("value", List.of(value)), List.of());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the other cell never ran at the same time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
