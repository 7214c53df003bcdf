package org.adaptbench.personalization.embed;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Removes the folder ONNX Runtime extracts its native libraries into when the JVM exits.
 *
 * <p>ONNX Runtime (1.20) copies its libraries into a fresh {@code onnxruntime-java*} folder under the
 * temp directory, deletes the loaded ones at once and marks the rest and the folder for deletion at
 * exit. The JDK deletes those in reverse order of marking, so it tries the folder while the provider
 * library is still in it, and every JVM leaves an empty folder behind. A shutdown hook runs before
 * the JDK's deletions: it deletes the files in the folder and the folder. ONNX Runtime keeps the
 * folder in a private static field, which is the only place that names it; where a later version
 * drops the field, nothing is done.
 */
final class NativeTempFiles {

    private static final String ORT_LOADER = "ai.onnxruntime.OnnxRuntime";
    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    private NativeTempFiles() {
    }

    /** Registers the clean-up once per JVM, after ONNX Runtime has loaded (an embedding model exists). */
    static void cleanUpOnExit() {
        if (REGISTERED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(NativeTempFiles::removeOrtFolder, "onnxruntime-temp-cleanup"));
        }
    }

    static void removeOrtFolder() {
        ortFolder().ifPresent(NativeTempFiles::removeFlat);
    }

    /** ONNX Runtime's extraction folder, if the library was loaded from this class loader and still names it. */
    static java.util.Optional<Path> ortFolder() {
        try {
            Class<?> loader = Class.forName(ORT_LOADER, false, NativeTempFiles.class.getClassLoader());
            Field field = loader.getDeclaredField("tempDirectory");
            field.setAccessible(true);
            Object value = field.get(null);
            return value instanceof Path path && path.getFileName().toString().startsWith("onnxruntime-java")
                    ? java.util.Optional.of(path) : java.util.Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** Deletes the regular files directly in {@code folder}, then the folder; anything in use stays (Windows). */
    private static void removeFlat(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry);
                }
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // the JVM is exiting; a folder left behind is the library's old behaviour, not an error
        }
    }
}
