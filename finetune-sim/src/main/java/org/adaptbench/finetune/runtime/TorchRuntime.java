package org.adaptbench.finetune.runtime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine this module runs on: loaded once, offline, with at most two CPU threads.
 *
 * <p>Determinism comes from the code, not from the engine: every weight is initialised from a
 * seeded {@link java.util.SplittableRandom}, batches are shuffled with a seeded RNG, and no op
 * draws random numbers. The engine seed is still set so that nothing left to PyTorch varies.
 */
public final class TorchRuntime {

    /** At most this many intra-op threads: the machines this runs on have two cores shared with other work. */
    public static final int MAX_THREADS = 2;

    /**
     * System property that sets the thread count, 1 (the default) or 2. One thread is the default
     * because PyTorch's OpenMP pool spins while waiting: on a 2-core machine shared with other work,
     * measured batch-1 latency was about 20 times worse with 2 threads than with 1.
     */
    public static final String THREADS_PROPERTY = "adaptbench.torch.threads";

    private static volatile Engine engine;
    /** The thread count chosen when the engine loaded; applied to every thread that uses it. */
    private static volatile int engineThreads;
    private static final ThreadLocal<Boolean> THREAD_CONFIGURED = ThreadLocal.withInitial(() -> false);
    /** Each thread's staging buffer for {@link #tensor(NDManager, Shape, java.util.function.Consumer)}, grown as needed. */
    private static final ThreadLocal<java.nio.ByteBuffer> STAGING =
            ThreadLocal.withInitial(() -> java.nio.ByteBuffer.allocateDirect(64 * 1024).order(java.nio.ByteOrder.nativeOrder()));

    private TorchRuntime() {
    }

    /** The PyTorch engine, configured on first use. */
    public static Engine engine() {
        Engine loaded = engine;
        if (loaded == null) {
            synchronized (TorchRuntime.class) {
                loaded = engine;
                if (loaded == null) {
                    // read by PtEngine when it initialises; set before the first Engine lookup
                    int threads = threads();
                    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
                    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
                    System.setProperty("ai.djl.offline", "true");
                    loaded = Engine.getEngine("PyTorch");
                    if (JniUtils.getNumThreads() != threads) {
                        JniUtils.setNumThreads(threads);
                    }
                    loaded.setRandomSeed(0);
                    engineThreads = threads;
                    engine = loaded;
                }
            }
        }
        return loaded;
    }

    /** The intra-op thread count: {@value #THREADS_PROPERTY} if set (1 or 2), else 1. */
    public static int threads() {
        String value = System.getProperty(THREADS_PROPERTY, "1");
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1 && threads <= MAX_THREADS) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + " must be 1 or " + MAX_THREADS + ", got '" + value + "'");
    }

    /** A new root manager on the CPU; the caller closes it. */
    public static NDManager newManager() {
        return engine().newBaseManager();
    }

    /**
     * A float tensor with {@code values}, in memory allocated by PyTorch.
     *
     * <p>DJL's {@code create} wraps a Java direct buffer whose address alignment varies from call to
     * call, and the CPU matrix kernels round differently on differently aligned data: training was
     * then not repeatable (Adam amplifies last-bit differences). A clone lives in PyTorch's aligned
     * allocator, so every tensor the model computes with is aligned the same way on every run.
     */
    public static NDArray tensor(NDManager manager, float[] values, Shape shape) {
        try (NDArray wrapped = manager.create(values, shape)) {
            return wrapped.duplicate();
        }
    }

    /**
     * A float tensor of {@code shape} whose values {@code fill} writes, in memory allocated by
     * PyTorch as {@link #tensor(NDManager, float[], Shape)} makes it, but staged through one reused
     * direct buffer per thread instead of a heap array plus a fresh, zeroed direct buffer per call:
     * a batch of 32 prompts otherwise moves its bytes four times and leaves a 200 KB direct buffer
     * per tensor for the garbage collector. The values and the tensor's memory are the same either way.
     */
    public static NDArray tensor(NDManager manager, Shape shape, java.util.function.Consumer<java.nio.FloatBuffer> fill) {
        int floats = Math.toIntExact(shape.size());
        java.nio.ByteBuffer staging = STAGING.get();
        if (staging.capacity() < floats * Float.BYTES) {
            staging = java.nio.ByteBuffer.allocateDirect(Math.max(floats * Float.BYTES, 2 * staging.capacity())).order(java.nio.ByteOrder.nativeOrder());
            STAGING.set(staging);
        }
        java.nio.ByteBuffer bytes = staging.slice(0, floats * Float.BYTES).order(java.nio.ByteOrder.nativeOrder());
        java.nio.FloatBuffer values = bytes.asFloatBuffer();
        fill.accept(values);
        if (values.position() != floats) {
            throw new IllegalStateException("staged " + values.position() + " values for a tensor of " + floats);
        }
        try (NDArray wrapped = manager.create(bytes, shape, ai.djl.ndarray.types.DataType.FLOAT32)) {
            return wrapped.duplicate();
        }
    }

    /**
     * Applies the thread count to the calling thread, once per thread. MKL keeps its thread count
     * per calling thread: on a thread other than the one that loaded the engine, the first matrix
     * products ran with MKL's default (every core) until some PyTorch op happened to reset it, so the
     * first forward pass on a new thread rounded differently from every later one.
     */
    public static void configureThread() {
        engine();
        if (!THREAD_CONFIGURED.get()) {
            JniUtils.setNumThreads(engineThreads);
            THREAD_CONFIGURED.set(true);
        }
    }

    /**
     * Turns autograd recording off for the calling thread.
     *
     * <p>PyTorch keeps grad mode per thread and enables it by default on every thread but the one
     * that loaded the engine; inference calls this so that no graph is ever recorded for it.
     */
    public static void inferenceMode() {
        configureThread();
        if (JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }
}
