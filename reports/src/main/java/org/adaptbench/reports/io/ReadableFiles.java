package org.adaptbench.reports.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks an input file before it is opened: a regular file (links followed), not a folder, a FIFO,
 * a device, a dangling link or a link loop. (The datasets module has its own such check; the leaf
 * modules share no code.)
 */
public final class ReadableFiles {

    /** Why a file cannot be read, in a few words; callers wrap it in their own bad-input error. */
    public static final class NotReadable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotReadable(String problem) {
            super(problem);
        }
    }

    private ReadableFiles() {
    }

    /** The size of {@code file} if it is a regular file. */
    public static long regularFileSize(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new NotReadable(Files.isSymbolicLink(file) ? "a symbolic link to nothing" : "no such file");
        } catch (IOException e) {
            throw new NotReadable("cannot be read (" + reason(e) + ")");
        }
        if (attributes.isDirectory()) {
            throw new NotReadable("is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new NotReadable("is a special file (a FIFO, socket or device), not a regular file; refused without reading it");
        }
        return attributes.size();
    }

    /** The reason of an I/O failure in a few words ("permission denied", "too many levels of symbolic links"). */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.US);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
