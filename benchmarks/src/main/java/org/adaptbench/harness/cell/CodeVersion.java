package org.adaptbench.harness.cell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.adaptbench.datasets.io.ContentHash;

/**
 * The version of the code that computes a run's figures: a SHA-256 over the classes and resources of
 * the five AdaptBench modules as they are loaded (a jar or a classes folder each), by entry name and
 * content, so a rebuild of the same sources gives the same version and any change to them another.
 *
 * <p>The git sha is not enough: a checkout with uncommitted changes has the same sha before and after
 * each edit. Manifests and Maven metadata are left out (they carry build times and paths).
 */
public final class CodeVersion {

    /** One class of each module: where it was loaded from is that module's code. */
    private static final List<String> MODULE_ANCHORS = List.of(
            "org.adaptbench.harness.cell.CodeVersion",
            "org.adaptbench.datasets.model.Dataset",
            "org.adaptbench.personalization.PersonalMemory",
            "org.adaptbench.finetune.model.ScoringModel",
            "org.adaptbench.reports.results.Results");

    private static volatile String current;

    private CodeVersion() {
    }

    /** The running code's version, computed once per JVM (hex SHA-256). */
    public static String current() {
        String version = current;
        if (version == null) {
            synchronized (CodeVersion.class) {
                if (current == null) {
                    current = compute();
                }
                version = current;
            }
        }
        return version;
    }

    private static String compute() {
        Map<String, String> digests = new TreeMap<>();
        for (String anchor : MODULE_ANCHORS) {
            Path location = location(anchor);
            String module = anchor.split("\\.")[2];
            if (Files.isDirectory(location)) {
                digestFolder(module, location, digests);
            } else {
                digestJar(module, location, digests);
            }
        }
        ContentHash hash = new ContentHash();
        digests.forEach(hash::add);
        return hash.value();
    }

    private static Path location(String className) {
        try {
            Class<?> type = Class.forName(className, false, CodeVersion.class.getClassLoader());
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot locate the code of " + className, e);
        }
    }

    private static boolean ignored(String entry) {
        return entry.startsWith("META-INF/") || entry.endsWith("/");
    }

    private static void digestFolder(String module, Path root, Map<String, String> digests) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        for (Path file : files) {
            String name = root.relativize(file).toString().replace('\\', '/');
            if (!ignored(name)) {
                digests.put(module + "/" + name, ContentHash.ofFile(file));
            }
        }
    }

    private static void digestJar(String module, Path jar, Map<String, String> digests) {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                if (ignored(entry.getName())) {
                    continue;
                }
                MessageDigest digest = ContentHash.newDigest();
                try (InputStream in = file.getInputStream(entry)) {
                    digest.update(in.readAllBytes());
                }
                digests.put(module + "/" + entry.getName(), ContentHash.hex(digest));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** A short form for messages and file names. */
    public static String shortForm(String version) {
        return version.substring(0, Math.min(12, version.length()));
    }
}
