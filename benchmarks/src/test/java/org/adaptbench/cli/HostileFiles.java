package org.adaptbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Things that stand where a file or folder should: a folder, a FIFO, a symbolic link loop, a file
 * that cannot be read, a folder that cannot be written. Permission bits do not stop root, so as root
 * the unreadable file is a write-only kernel attribute and the unwritable folder an immutable one
 * (or a place under /sys); each is probed, and a test is skipped only where no such thing can be made.
 */
final class HostileFiles implements AutoCloseable {

    private final List<Runnable> undo = new ArrayList<>();

    /** A FIFO at {@code path} (mkfifo). */
    Path fifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        Assumptions.assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
        return path;
    }

    /** Two symbolic links at {@code path} and beside it, each pointing at the other. */
    Path symlinkLoop(Path path) throws IOException {
        Path other = path.resolveSibling(path.getFileName() + ".loop");
        Files.createSymbolicLink(path, other);
        Files.createSymbolicLink(other, path);
        return path;
    }

    /** A regular file at {@code path} (or a link to one) that opening for reading fails on. */
    Path unreadable(Path path, String content) throws IOException {
        Files.writeString(path, content);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("---------"));
        undo.add(() -> permissions(path, "rw-------"));
        if (!Files.isReadable(path)) {
            return path;
        }
        // root reads anything: a write-only sysfs attribute refuses even root
        Files.delete(path);
        for (String candidate : List.of("/sys/bus/pci/rescan", "/sys/bus/nd/drivers_probe", "/sys/class/zram-control/hot_remove")) {
            Path attribute = Path.of(candidate);
            if (Files.isRegularFile(attribute) && !readable(attribute)) {
                return Files.createSymbolicLink(path, attribute);
            }
        }
        Assumptions.abort("no file this user cannot read can be made here");
        return path;
    }

    /** A folder nothing can be created in. */
    Path unwritableFolder(Path path) throws Exception {
        Files.createDirectories(path);
        permissions(path, "r-xr-xr-x");
        undo.add(() -> permissions(path, "rwx------"));
        if (!writable(path)) {
            return path;
        }
        Process chattr = new ProcessBuilder("chattr", "+i", path.toString()).redirectErrorStream(true).start();
        if (chattr.waitFor(10, TimeUnit.SECONDS) && chattr.exitValue() == 0) {
            undo.add(0, () -> run("chattr", "-i", path.toString()));
            if (!writable(path)) {
                return path;
            }
        }
        Path sys = Path.of("/sys/kernel");
        if (Files.isDirectory(sys) && !writable(sys)) {
            return sys;
        }
        Assumptions.abort("no folder this user cannot write can be made here");
        return path;
    }

    private static boolean readable(Path file) {
        try (var in = Files.newInputStream(file)) {
            in.read();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean writable(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void permissions(Path path, String mode) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            // already gone
        }
    }

    private static void run(String... command) {
        try {
            new ProcessBuilder(command).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // nothing to undo
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Makes everything deletable again, so the test's temp folder can go. */
    @Override
    public void close() {
        undo.forEach(Runnable::run);
    }
}
