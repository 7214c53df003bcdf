package org.adaptbench.jmh.scale;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a scale run; build with {@link #builder()}, whose {@code build()} checks them.
 *
 * @param users the N to measure, increasing
 * @param cacheSize K, adapters kept resident (at least one batch of distinct users)
 * @param batchSize requests per forward pass, for both arms
 * @param requests requests measured per cell
 * @param warmup requests served before measuring (JIT, caches)
 * @param templates synthetic-world users whose memories and queries every N users reuse
 * @param seed seeds the world, the adapters and the request stream
 * @param work folder for the cells' files, emptied after each cell
 * @param diskBudgetBytes most bytes a cell may write; checked before and while it builds
 * @param isolation whether each cell runs in a JVM of its own
 */
public record ScaleOptions(List<Integer> users, int cacheSize, int batchSize, int requests, int warmup, int templates, long seed,
        Path work, long diskBudgetBytes, Isolation isolation) {

    /** Ten gigabytes: the most a cell may hold on disk at once. */
    public static final long DEFAULT_DISK_BUDGET = 10L * 1000 * 1000 * 1000;

    /** How cells run. */
    public enum Isolation {
        /** Each cell in a fresh JVM, so its resident memory is its own (the default). */
        FORKED,
        /** In this JVM: for tests, where resident memory is not the point. */
        IN_PROCESS
    }

    public ScaleOptions {
        users = List.copyOf(users);
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(isolation, "isolation");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; defaults are those of the published run. */
    public static final class Builder {

        private List<Integer> users = List.of(1_000, 10_000, 100_000);
        private int cacheSize = 1_000;
        private int batchSize = 32;
        private int requests = 3_200;
        private int warmup = 640;
        private int templates = 64;
        private long seed = 17;
        private Path work;
        private long diskBudgetBytes = DEFAULT_DISK_BUDGET;
        private Isolation isolation = Isolation.FORKED;

        public Builder users(List<Integer> value) {
            this.users = List.copyOf(value);
            return this;
        }

        public Builder cacheSize(int value) {
            this.cacheSize = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder requests(int value) {
            this.requests = value;
            return this;
        }

        public Builder warmup(int value) {
            this.warmup = value;
            return this;
        }

        public Builder templates(int value) {
            this.templates = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder work(Path value) {
            this.work = value;
            return this;
        }

        public Builder diskBudgetBytes(long value) {
            this.diskBudgetBytes = value;
            return this;
        }

        public Builder isolation(Isolation value) {
            this.isolation = value;
            return this;
        }

        /** Fails naming the first setting out of range. */
        public ScaleOptions build() {
            if (users.isEmpty()) {
                throw new IllegalArgumentException("--users: give at least one N");
            }
            for (int i = 0; i < users.size(); i++) {
                if (users.get(i) < 1 || (i > 0 && users.get(i) <= users.get(i - 1))) {
                    throw new IllegalArgumentException("--users must be positive and increasing, got " + users);
                }
            }
            positive("--batch", batchSize);
            positive("--requests", requests);
            positive("--templates", templates);
            if (warmup < 0) {
                throw new IllegalArgumentException("--warmup must be >= 0, was " + warmup);
            }
            if (cacheSize < batchSize) {
                throw new IllegalArgumentException("--cache (" + cacheSize + ") must hold at least one batch of distinct users (--batch "
                        + batchSize + ")");
            }
            if (requests < batchSize) {
                throw new IllegalArgumentException("--requests (" + requests + ") must be at least one batch (--batch " + batchSize + ")");
            }
            positive("disk budget", diskBudgetBytes);
            if (work == null) {
                throw new IllegalArgumentException("--work: a folder for the cells' files is required");
            }
            return new ScaleOptions(users, cacheSize, batchSize, requests, warmup, templates, seed, work, diskBudgetBytes, isolation);
        }

        private static void positive(String name, long value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
        }
    }
}
