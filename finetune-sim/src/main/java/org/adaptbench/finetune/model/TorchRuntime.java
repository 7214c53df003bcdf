package org.adaptbench.finetune.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
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

    /** System property that lowers the thread count (1 helps on an oversubscribed machine). */
    public static final String THREADS_PROPERTY = "adaptbench.torch.threads";

    private static volatile Engine engine;

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
                    engine = loaded;
                }
            }
        }
        return loaded;
    }

    /** The intra-op thread count: {@value #THREADS_PROPERTY} if set (1 or 2), else {@value #MAX_THREADS}. */
    public static int threads() {
        String value = System.getProperty(THREADS_PROPERTY, Integer.toString(MAX_THREADS));
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
     * Turns autograd recording off for the calling thread.
     *
     * <p>PyTorch keeps grad mode per thread and enables it by default on every thread but the one
     * that loaded the engine; inference calls this so that no graph is ever recorded for it.
     */
    public static void inferenceMode() {
        engine();
        if (JniUtils.isGradMode()) {
            JniUtils.setGradMode(false);
        }
    }
}
