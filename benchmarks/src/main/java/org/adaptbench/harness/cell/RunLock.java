package org.adaptbench.harness.cell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.usage.WritablePaths;

/**
 * An exclusive lock on a folder that one process writes (a run, a seed sweep): the file
 * {@value #FILE} in it, locked with {@link FileChannel#tryLock()} and holding the owner's pid.
 *
 * <p>The operating system releases the lock when its owner dies, however it dies, so a killed run
 * never leaves its folder locked. The file itself stays (emptied on release): deleting it would let
 * a process that opened it just before the deletion lock a file no one else can see.
 */
public final class RunLock implements AutoCloseable {

    public static final String FILE = ".adaptbench.lock";

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder} (made if missing) for this process.
     *
     * @throws UsageException when another process (or another run in this one) holds the lock, or the
     *     folder cannot be written
     */
    public static RunLock acquire(Path folder, String option) {
        WritablePaths.folder(folder, option);
        Path file = folder.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UsageException(option + " " + folder + ": cannot create the lock file " + FILE + " ("
                    + WritablePaths.reason(e) + ")");
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already, through another run
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UsageException(option + " " + folder + ": cannot lock " + FILE + " (" + WritablePaths.reason(e) + ")");
        }
        if (lock == null) {
            String owner = owner(file);
            closeQuietly(channel);
            throw new UsageException(folder + " is being written by another adaptbench process"
                    + (owner.isEmpty() ? "" : " (pid " + owner + ")") + "; wait for it to finish, or choose another " + option);
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return new RunLock(folder, channel, lock);
    }

    public Path folder() {
        return folder;
    }

    /** The pid recorded in a folder's lock file, or "" when there is none. */
    static String owner(Path lockFile) {
        try {
            return Files.readString(lockFile, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock on " + folder, e);
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
