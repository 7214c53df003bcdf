package org.adaptbench.finetune.runtime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The PyTorch engine this module runs on: loaded once, offline, with pinned numerics.
 *
 * <p>Determinism comes from the code and from the numerics. Every weight is initialised from a
 * seeded {@link java.util.SplittableRandom}, batches are shuffled with a seeded RNG, and no op draws
 * random numbers. The numerics are pinned before the native libraries load (see {@link #PINNED}):
 * OpenMP and MKL at a fixed thread count with dynamic adjustment off, and MKL in conditional numerical
 * reproducibility mode, so the same inputs round the same way in every run on the same platform.
 * Without these, two identical runs in one JVM differed in the third decimal of adapter accuracies.
 *
 * <p>What cannot be pinned from inside the JVM: a native library reads its variables when it loads
 * (OpenMP) or on its first call (MKL, ATen), so a library loaded before {@link #engine()} runs, or a
 * platform without a C {@code setenv} (Windows), keeps what the process started with. The launcher
 * ({@code ./adaptbench}) and the test runner (surefire's {@code environmentVariables} in the parent
 * POM) therefore set the same variables before the JVM starts, and {@link #platform()} records the
 * values in force as native code reads them.
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

    /** MKL's CNR mode unless the process was started with another: the CPU's own branch, strict (gemm bit-identical across thread counts). */
    public static final String DEFAULT_MKL_CBWR = "AUTO,STRICT";

    /**
     * The variables pinned before the engine loads: thread counts and dynamic adjustment follow
     * {@value #THREADS_PROPERTY} (a value the process was started with is replaced); {@code MKL_CBWR}
     * is set only if the process has none, so a deliberate branch is kept, and recorded.
     * {@code ATEN_CPU_CAPABILITY} is never set (ATen picks the CPU's best), only recorded: setting it
     * (e.g. {@code avx2}) computes as a CPU with that ISA does.
     */
    public static final java.util.List<String> PINNED = java.util.List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OMP_DYNAMIC",
            "MKL_DYNAMIC", "MKL_CBWR", "ATEN_CPU_CAPABILITY");

    private static volatile Engine engine;
    /** The thread count chosen when the engine loaded; applied before every training, merge and forward pass. */
    private static volatile int engineThreads;
    private static volatile Platform platform;
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
                    int threads = threads();
                    Platform.pinEnvironment(threads);
                    // read by PtEngine when it initialises; set before the first Engine lookup
                    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
                    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
                    System.setProperty("ai.djl.offline", "true");
                    loaded = Engine.getEngine("PyTorch");
                    JniUtils.setNumThreads(threads);
                    loaded.setRandomSeed(0);
                    engineThreads = threads;
                    platform = Platform.read(loaded, threads);
                    engine = loaded;
                }
            }
        }
        return loaded;
    }

    /** The platform the engine computes on (loads the engine): recorded in results, part of the base model's cache key. */
    public static Platform platform() {
        engine();
        return platform;
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
     * A 0-d float tensor holding {@code value}, in memory allocated by PyTorch: use it instead of
     * {@code NDArray.mul(Number)} (and the other {@code Number} overloads) wherever autograd records
     * the op.
     *
     * <p>DJL makes a {@code Number} operand a tensor over a Java direct buffer and releases the
     * buffer as soon as the op returns; autograd keeps the operand to compute the backward pass, and
     * when a garbage collection freed the buffer in between, the backward read whatever had been
     * written there since. Gradients then depended on when the JVM collected garbage: the same
     * training twice in one JVM gave different adapters, more often the busier the heap. A clone
     * lives in PyTorch's allocator and stays alive as long as autograd holds it.
     */
    public static NDArray scalar(NDManager manager, float value) {
        return tensor(manager, new float[] {value}, new Shape());
    }

    /**
     * Applies the thread count to the calling thread, every time: called before every training, merge
     * and forward pass. OpenMP and MKL keep their thread counts per calling thread and other code can
     * change them (MKL's first call on a new thread uses its default, every core); a once-per-thread
     * flag missed every such change, so the first products after it rounded differently. The call
     * costs under a microsecond (measured: 0.3 to 1.1 µs), next to a batch-1 forward pass's 0.35 ms.
     */
    public static void configureThread() {
        engine();
        JniUtils.setNumThreads(engineThreads);
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

    /**
     * {@code forward}'s result with autograd recording on the calling thread while it runs, and off
     * again after (what DJL's gradient collector does, without its one-collector-per-process flag).
     */
    public static NDArray recordingGradients(java.util.function.Supplier<NDArray> forward) {
        configureThread();
        JniUtils.setGradMode(true);
        try {
            return forward.get();
        } finally {
            JniUtils.setGradMode(false);
        }
    }

    /** Back-propagates the scalar {@code loss} on the calling thread, seeded with ones as DJL's collector seeds it. */
    public static void backward(NDArray loss) {
        try (NDArray seed = loss.getManager().ones(loss.getShape(), loss.getDataType())) {
            JniUtils.backward((ai.djl.pytorch.engine.PtNDArray) loss, (ai.djl.pytorch.engine.PtNDArray) seed, false, false);
        }
    }
}
