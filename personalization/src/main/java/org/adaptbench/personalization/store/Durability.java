package org.adaptbench.personalization.store;

/**
 * How hard a durable store works to keep an acknowledged write across failures: the choice between
 * surviving a power loss and not paying a disk sync per commit.
 *
 * <p>Both keep the file consistent (never a half-written transaction) and both survive a killed
 * process, since a committed transaction is in the operating system's hands either way; they differ
 * only when the machine itself goes down.
 */
public enum Durability {

    /**
     * Every commit waits for the disk ({@code synchronous=FULL} in WAL mode): an acknowledged write
     * survives a power loss or an operating-system crash. For a memory a user relies on.
     */
    FULL("FULL"),

    /**
     * Commits go to the write-ahead log without a sync; the log is synced at checkpoints
     * ({@code synchronous=NORMAL} in WAL mode): a power loss may undo the last commits, never corrupt
     * the file. For scratch files, such as a benchmark run's stores, whose loss only repeats a run.
     */
    NORMAL("NORMAL");

    private final String synchronous;

    Durability(String synchronous) {
        this.synchronous = synchronous;
    }

    /** SQLite's {@code PRAGMA synchronous} value for this level (in WAL mode). */
    public String sqliteSynchronous() {
        return synchronous;
    }
}
