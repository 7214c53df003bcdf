package org.adaptbench.datasets.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Writes a folder of files so that a reader sees either no folder, the old folder, or the whole new
 * one: the files go to a hidden temporary sibling first, which is then renamed into place.
 */
public final class AtomicFolder {

    private AtomicFolder() {
    }

    /**
     * Writes {@code files} (name to bytes) as the folder {@code target}.
     *
     * <p>An existing {@code target} is replaced only when it is empty or holds nothing but files
     * named in {@code replaceable}, so a typo in {@code --out} never wipes someone's folder.
     */
    public static void write(Path target, SortedMap<String, byte[]> files, Set<String> replaceable) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null) {
            throw new DatasetFormatException(target, "", "", "cannot write a data set as the file system root");
        }
        checkReplaceable(target, absolute, replaceable);
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = createSibling(absolute, ".tmp");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                writeDurably(temp.resolve(file.getKey()), file.getValue());
            }
            replace(temp, absolute);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    private static void checkReplaceable(Path target, Path absolute, Set<String> replaceable) {
        if (!Files.exists(absolute)) {
            return;
        }
        if (!Files.isDirectory(absolute)) {
            throw new DatasetFormatException(target, "", "", "exists and is not a folder");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(absolute)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!replaceable.contains(name) || !Files.isRegularFile(entry)) {
                    throw new DatasetFormatException(target, "", "", "folder exists and holds '" + name
                            + "', which this command did not write; choose an empty or new folder");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + target, e);
        }
    }

    private static void replace(Path temp, Path absolute) throws IOException {
        if (!Files.exists(absolute)) {
            move(temp, absolute);
            return;
        }
        // a directory cannot be renamed over a non-empty one: park the old one, swap, then drop it
        Path old = createSibling(absolute, ".old");
        Files.delete(old);
        move(absolute, old);
        try {
            move(temp, absolute);
        } catch (IOException e) {
            move(old, absolute);
            throw e;
        }
        deleteQuietly(old);
    }

    /**
     * Creates a hidden, uniquely named sibling folder. Unlike {@code Files.createTempDirectory} it gets
     * the umask's permissions, which the data set folder keeps after the rename.
     */
    private static Path createSibling(Path target, String suffix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path sibling = target.resolveSibling("." + target.getFileName() + suffix + "-" + ProcessHandle.current().pid() + "-" + attempt);
            try {
                return Files.createDirectory(sibling);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 1000) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void writeDurably(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a leftover hidden temporary folder is harmless; the target itself is complete
        }
    }
}
