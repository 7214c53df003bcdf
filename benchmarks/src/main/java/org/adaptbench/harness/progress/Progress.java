package org.adaptbench.harness.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how far a long step has come: an in-place bar on a console, plain log lines otherwise.
 *
 * <p>The bar is off when there is no console or the {@code CI} variable is set, so CI logs stay
 * readable; log lines are then printed at every tenth of the work.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean bar;

    public Progress(PrintStream out, boolean bar) {
        this.out = out;
        this.bar = bar;
    }

    /** Bar on an interactive console without {@code CI}; log lines otherwise. */
    public static Progress forEnvironment(PrintStream out) {
        return new Progress(out, System.console() != null && System.getenv("CI") == null);
    }

    /** Progress that prints nothing (tests, nested steps). */
    public static Progress silent() {
        return new Progress(new PrintStream(java.io.OutputStream.nullOutputStream()), false);
    }

    public void log(String message) {
        out.println(message);
        out.flush();
    }

    /** Starts a step of {@code total} units. */
    public Task start(String label, int total) {
        return new Task(label, Math.max(total, 1));
    }

    /** One step in progress. */
    public final class Task implements AutoCloseable {

        private static final int WIDTH = 30;

        private final String label;
        private final int total;
        private final long startNanos = System.nanoTime();
        private int done;
        private int lastTenth = -1;

        private Task(String label, int total) {
            this.label = label;
            this.total = total;
            render();
        }

        public synchronized void advance() {
            done = Math.min(total, done + 1);
            render();
        }

        private void render() {
            double fraction = done / (double) total;
            if (bar) {
                int filled = (int) Math.round(fraction * WIDTH);
                out.printf(Locale.US, "\r%-28s [%s%s] %3d%% %d/%d", label, "#".repeat(filled), ".".repeat(WIDTH - filled),
                        Math.round(fraction * 100), done, total);
                out.flush();
                return;
            }
            int tenth = (int) Math.floor(fraction * 10);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.printf(Locale.US, "%s: %d/%d (%d%%)%n", label, done, total, Math.round(fraction * 100));
                out.flush();
            }
        }

        @Override
        public synchronized void close() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            if (bar) {
                out.printf(Locale.US, "\r%-28s done in %.1f s%s%n", label, seconds, " ".repeat(WIDTH + 12));
            } else {
                out.printf(Locale.US, "%s: done in %.1f s%n", label, seconds);
            }
            out.flush();
        }
    }
}
