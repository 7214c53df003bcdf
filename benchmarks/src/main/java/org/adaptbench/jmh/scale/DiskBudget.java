package org.adaptbench.jmh.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.adaptbench.harness.usage.UsageException;

/** Keeps a cell's files within the run's disk budget and the disk's free space: checked before writing and while writing. */
final class DiskBudget {

    private final Path folder;
    private final long budget;

    DiskBudget(Path folder, long budget) {
        this.folder = folder;
        this.budget = budget;
    }

    /** Fails before anything is written when {@code estimate} bytes would not fit. */
    void checkEstimate(String what, long estimate) {
        long free;
        try {
            Files.createDirectories(folder);
            free = Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect the disk of " + folder, e);
        }
        if (estimate > budget) {
            throw new UsageException(String.format(Locale.US, "%s needs about %,d bytes on disk, over the budget of %,d bytes: use fewer users",
                    what, estimate, budget));
        }
        if (estimate > free) {
            throw new UsageException(String.format(Locale.US, "%s needs about %,d bytes, but %s has %,d bytes free", what, estimate, folder, free));
        }
    }

    /** Fails when {@code used} bytes written so far exceed the budget (called every so often while building). */
    void checkUsed(String what, long used) {
        if (used > budget) {
            throw new UsageException(String.format(Locale.US, "%s wrote %,d bytes, over the budget of %,d bytes; stopped", what, used, budget));
        }
    }
}
