package org.adaptbench.harness.usage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adaptbench.reports.io.ReadableFiles;

/**
 * Checks that an output path given on the command line can be written, before anything else is:
 * a folder that is a folder (or can be made) and takes a file, a file whose folder does. Each
 * failure is one usage error naming the option, the path and the reason.
 */
public final class WritablePaths {

    private WritablePaths() {
    }

    /**
     * Makes {@code folder} if it is missing and checks that a file can be created in it; a folder
     * this check made is removed again when it cannot be written.
     *
     * @param option the option that named it ("--out"), for the message
     */
    public static Path folder(Path folder, String option) {
        return checkFolder(folder, option + " " + folder);
    }

    private static Path checkFolder(Path folder, String label) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UsageException(label + ": is a file, not a folder");
        }
        boolean existed = Files.isDirectory(folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UsageException(label + ": cannot create the folder " + folder + " (" + reason(e) + ")");
        }
        try {
            Path probe = Files.createTempFile(folder, ".adaptbench-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            if (!existed) {
                try {
                    Files.deleteIfExists(folder);
                } catch (IOException ignored) {
                    // the folder stays; the message below is what matters
                }
            }
            throw new UsageException(label + ": cannot write into the folder " + folder + " (" + reason(e) + ")");
        }
        return folder;
    }

    /** Checks that {@code file} can be written: not a folder, in a folder that takes files. */
    public static Path file(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + ": is a folder, not a file");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            checkFolder(parent, option + " " + file);
        }
        return file;
    }

    /** What went wrong, in a few words ("permission denied", "read-only file system", ...). */
    public static String reason(IOException e) {
        return ReadableFiles.reason(e);
    }
}
