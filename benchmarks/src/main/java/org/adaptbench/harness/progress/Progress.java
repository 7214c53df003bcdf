package org.adaptbench.harness.progress;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shows how far a long step has come: an in-place bar on a console, plain log lines otherwise.
 *
 * <p>The bar is off when there is no console or the {@code CI} variable is set, so CI logs stay
 * readable; log lines are then printed at every tenth of the work. Steps may run at once (cells on
 * several threads): the bar line then shows each running step's label and share, and a finished
 * step's "done" line is printed above it.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean bar;
    /** The steps running now, in the order they started; guarded by {@code this}. */
    private final List<Task> running = new ArrayList<>();

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

    /** The bar line of every running step: the familiar bar for one, label and share of each for several. */
    private synchronized void renderBar() {
        if (running.size() == 1) {
            Task task = running.get(0);
            int filled = (int) Math.round(task.fraction() * Task.WIDTH);
            out.printf(Locale.US, "\r%-28s [%s%s] %3d%% %d/%d", task.label, "#".repeat(filled), ".".repeat(Task.WIDTH - filled),
                    Math.round(task.fraction() * 100), task.done, task.total);
        } else if (running.size() > 1) {
            List<String> parts = new ArrayList<>();
            running.forEach(task -> parts.add(String.format(Locale.US, "%s %d%%", task.label, Math.round(task.fraction() * 100))));
            String line = String.join(" | ", parts);
            out.print("\r" + (line.length() > LINE ? line.substring(0, LINE - 1) + "\u2026" : String.format(Locale.US, "%-" + LINE + "s", line)));
        }
        out.flush();
    }

    /** Width of the bar line when several steps share it. */
    private static final int LINE = 100;

    private synchronized void started(Task task) {
        running.add(task);
        if (bar) {
            renderBar();
        }
    }

    private synchronized void finished(Task task, double seconds) {
        running.remove(task);
        if (bar) {
            out.printf(Locale.US, "\r%-" + LINE + "s%n", String.format(Locale.US, "%-28s done in %.1f s", task.label, seconds));
            renderBar();
        } else {
            out.printf(Locale.US, "%s: done in %.1f s%n", task.label, seconds);
            out.flush();
        }
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
            started(this);
            if (!bar) {
                render();
            }
        }

        public void advance() {
            synchronized (Progress.this) {
                done = Math.min(total, done + 1);
                render();
            }
        }

        private double fraction() {
            return done / (double) total;
        }

        private void render() {
            if (bar) {
                renderBar();
                return;
            }
            int tenth = (int) Math.floor(fraction() * 10);
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.printf(Locale.US, "%s: %d/%d (%d%%)%n", label, done, total, Math.round(fraction() * 100));
                out.flush();
            }
        }

        @Override
        public void close() {
            finished(this, (System.nanoTime() - startNanos) / 1e9);
        }
    }
}
