package org.adaptbench.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens data files for reading only when they are regular files: a folder, a FIFO, a socket or a
 * device in a data file's place, a symbolic link loop or a dangling link, and a file that cannot be
 * read are each one {@link DatasetFormatException} naming the path, raised before anything is read
 * (a FIFO would block the reader forever).
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** Whether anything (a file, a folder, a link even if broken) is at {@code path}. */
    public static boolean present(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** The size of {@code file}, after checking that it is a regular file (links followed). */
    public static long checkRegular(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(file, "", "", Files.isSymbolicLink(file)
                    ? "a symbolic link to nothing (" + target(file) + " does not exist)" : "no such file");
        } catch (FileSystemException e) {
            String reason = reason(e);
            throw new DatasetFormatException(file, "", "", reason.contains("symbolic links")
                    ? "is a symbolic link loop (" + reason + ")" : "cannot be read (" + reason + ")");
        } catch (IOException e) {
            throw new DatasetFormatException(file, "", "", "cannot be read (" + e.getMessage() + ")");
        }
        if (attributes.isDirectory()) {
            throw new DatasetFormatException(file, "", "", "is a folder, not a file");
        }
        if (!attributes.isRegularFile()) {
            throw new DatasetFormatException(file, "", "", "is a special file (a FIFO, socket or device), not a regular file;"
                    + " refused without reading it");
        }
        return attributes.size();
    }

    /** Opens a regular file ({@link #checkRegular}) for reading. */
    public static InputStream open(Path file) {
        checkRegular(file);
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new DatasetFormatException(file, "", "", "cannot be read (" + reason(e) + ")");
        }
    }

    /** A read failure after the file was opened, as bad input naming the file. */
    public static DatasetFormatException readFailure(Path file, IOException e) {
        return new DatasetFormatException(file, "", "", "cannot be read (" + reason(e) + ")", e);
    }

    /** The reason of an I/O failure in a few words ("permission denied", "too many levels of symbolic links"). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.US);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "its target";
        }
    }
}
