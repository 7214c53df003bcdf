package org.adaptbench.harness.cell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaptbench.datasets.io.ContentHash;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.reports.io.AtomicFiles;
import org.adaptbench.reports.results.ConfigDiff;
import org.adaptbench.reports.results.ResultsIo;

/**
 * A run's output folder: what identifies the run ({@code run.json}: the resolved config, the data
 * sets' content hashes and the code version), one file per finished cell, and at the end the results.
 *
 * <p>Every file is written atomically, so an interrupted run leaves only whole cells behind and
 * {@code --resume} continues from exactly those, after checking that the configuration, the data and
 * the code are those the run began with. One process at a time writes a run folder ({@link RunLock}).
 */
public final class RunDirectory implements AutoCloseable {

    public static final String RUN_FILE = "run.json";
    public static final String CELLS = "cells";

    /** Version of run.json's layout; files without one are the config alone, from before data and code were recorded. */
    static final int RUN_FILE_FORMAT = 2;

    private static final ObjectMapper MAPPER = ResultsIo.mapper();
    private static final Pattern CELL_FILE = Pattern.compile(".*__([0-9a-f]{12})\\.[0-9a-f]{1,8}\\.json");

    /**
     * What a run's figures follow from: its resolved configuration, the content hash of each data set
     * it measures, and the version of the code ({@link CodeVersion}).
     *
     * @param datasetHashes data set name (unique within the run) → content hash
     */
    public record Identity(ObjectNode config, Map<String, String> datasetHashes, String codeVersion) {

        public Identity {
            Objects.requireNonNull(config, "config");
            datasetHashes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(datasetHashes));
            Objects.requireNonNull(codeVersion, "codeVersion");
        }

        /** SHA-256 over all three, independent of key order: equal for runs whose cells are interchangeable. */
        public String fingerprint() {
            StringBuilder text = new StringBuilder();
            ConfigDiff.flatten(config, "config").forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            datasetHashes.forEach((name, hash) -> text.append("dataset.").append(name).append('=').append(hash).append('\n'));
            text.append("code=").append(codeVersion).append('\n');
            return ContentHash.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
        }

        ObjectNode toJson() {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("format", RUN_FILE_FORMAT);
            root.set("config", config);
            ObjectNode hashes = root.putObject("dataset_hashes");
            datasetHashes.forEach(hashes::put);
            root.put("code_version", codeVersion);
            return root;
        }
    }

    /** A saved cell as written: the run it belongs to, its key and its outcome. */
    record CellFile(String runFingerprint, CellKey key, CellResult result) {
    }

    private final Path path;
    private final String fingerprint;
    private final RunLock lock;

    private RunDirectory(Path path, String fingerprint, RunLock lock) {
        this.path = path;
        this.fingerprint = fingerprint;
        this.lock = lock;
    }

    /**
     * A new run in {@code dir}: a folder that does not exist yet or is empty (nothing of it is ever
     * overwritten), locked for this process until {@link #close()}.
     */
    public static RunDirectory create(Path dir, Identity identity) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--out " + dir + ": is a file, not a folder");
        }
        boolean existed = Files.exists(dir);
        if (existed) {
            refuseUnlessEmpty(dir);
        }
        RunLock lock = RunLock.acquire(dir, "--out");
        try {
            refuseUnlessEmpty(dir); // again, now that no other process can start a run here
            AtomicFiles.writeString(dir.resolve(RUN_FILE), MAPPER.writeValueAsString(identity.toJson()) + "\n");
        } catch (JsonProcessingException e) {
            lock.close();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            lock.close();
            if (!existed) {
                removeEmpty(dir);
            }
            throw e;
        }
        return new RunDirectory(dir, identity.fingerprint(), lock);
    }

    /**
     * The run in {@code dir}, which must have been started with the same configuration, on the same
     * data and by the same code, and whose cells must all be its own; locked until {@link #close()}.
     */
    public static RunDirectory resume(Path dir, Identity identity) {
        Path runFile = dir.resolve(RUN_FILE);
        if (!Files.isRegularFile(runFile)) {
            throw new UsageException(dir + " holds no run to resume (no " + RUN_FILE + ")");
        }
        RunLock lock = RunLock.acquire(dir, "--out");
        try {
            check(dir, runFile, identity);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new RunDirectory(dir, identity.fingerprint(), lock);
    }

    private static void check(Path dir, Path runFile, Identity identity) {
        JsonNode recorded;
        try {
            recorded = MAPPER.readTree(Files.readString(runFile, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new UsageException(runFile + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UsageException(runFile + ": cannot be read (" + e.getMessage() + ")");
        }
        if (!recorded.path("format").canConvertToInt() || recorded.path("format").asInt() != RUN_FILE_FORMAT) {
            throw new UsageException(runFile + ": written by an older AdaptBench, which did not record the data's content hashes"
                    + " and the code version; a resumed run could mix figures from other data or code, so start a new run");
        }
        List<String> differences = ConfigDiff.differingPaths(recorded.path("config"), identity.config());
        if (!differences.isEmpty()) {
            throw new UsageException(dir + " belongs to another configuration; fields that differ: " + String.join(", ", differences));
        }
        Map<String, String> hashes = new TreeMap<>();
        recorded.path("dataset_hashes").properties().forEach(entry -> hashes.put(entry.getKey(), entry.getValue().asText()));
        TreeSet<String> names = new TreeSet<>(hashes.keySet());
        names.addAll(identity.datasetHashes().keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            String then = hashes.get(name);
            String now = identity.datasetHashes().get(name);
            if (!Objects.equals(then, now)) {
                changed.add("'" + name + "' (content hash " + shortHash(then) + " when the run began, " + shortHash(now) + " now)");
            }
        }
        if (!changed.isEmpty()) {
            throw new UsageException(dir + ": the data changed since the run began: " + String.join(", ", changed)
                    + "; resuming would mix figures from both, so start a new run");
        }
        String code = recorded.path("code_version").asText("");
        if (!code.equals(identity.codeVersion())) {
            throw new UsageException(dir + ": the code changed since the run began (code version " + shortHash(code)
                    + " then, " + shortHash(identity.codeVersion()) + " now); resuming would mix figures of both, so start a new run");
        }
        String mine = CellKey.fingerprintPart(identity.fingerprint());
        for (String name : cellFiles(dir)) {
            Matcher matcher = CELL_FILE.matcher(name);
            if (!matcher.matches() || !matcher.group(1).equals(mine)) {
                throw new UsageException(dir.resolve(CELLS).resolve(name) + ": a cell of another run (this run's cells end in __"
                        + mine + ".*.json); remove it, or resume in the folder it came from");
            }
        }
    }

    private static void refuseUnlessEmpty(Path dir) {
        if (Files.exists(dir.resolve(RUN_FILE))) {
            throw new UsageException(dir + " already holds a run; pass --resume to continue it, or choose another --out");
        }
        List<String> foreign = entries(dir);
        if (!foreign.isEmpty()) {
            throw new UsageException("--out " + dir + ": the folder holds files that are not a run of this configuration ("
                    + String.join(", ", foreign.subList(0, Math.min(5, foreign.size()))) + (foreign.size() > 5 ? ", ..." : "")
                    + "); choose an empty or new folder");
        }
    }

    public Path path() {
        return path;
    }

    /** This run's fingerprint ({@link Identity#fingerprint()}). */
    public String fingerprint() {
        return fingerprint;
    }

    /** The saved outcome of a finished cell, if there is one. */
    public Optional<CellResult> finished(CellKey key) {
        Path file = path.resolve(CELLS).resolve(key.fileName(fingerprint));
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        CellFile saved;
        try {
            saved = MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), CellFile.class);
        } catch (IOException e) {
            throw new UsageException(file + ": unreadable cell (" + e.getMessage() + "); delete it to recompute");
        }
        if (!fingerprint.equals(saved.runFingerprint()) || !key.equals(saved.key())) {
            throw new UsageException(file + ": the cell inside belongs to another run or key; delete it to recompute");
        }
        return Optional.of(saved.result());
    }

    public void save(CellKey key, CellResult result) {
        try {
            AtomicFiles.writeString(path.resolve(CELLS).resolve(key.fileName(fingerprint)),
                    MAPPER.writeValueAsString(new CellFile(fingerprint, key, result)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Releases the folder for other processes. */
    @Override
    public void close() {
        lock.close();
    }

    /** Every entry of {@code dir} but its lock file, sorted. */
    private static List<String> entries(Path dir) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                String name = entry.getFileName().toString();
                if (!name.equals(RunLock.FILE)) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        names.sort(null);
        return names;
    }

    private static List<String> cellFiles(Path dir) {
        Path cells = dir.resolve(CELLS);
        return Files.isDirectory(cells) ? entries(cells) : List.of();
    }

    /** A folder this run made and left empty goes again (its lock file with it), so a refused run leaves nothing. */
    private static void removeEmpty(Path dir) {
        try {
            if (entries(dir).isEmpty()) {
                Files.deleteIfExists(dir.resolve(RunLock.FILE));
                Files.deleteIfExists(dir);
            }
        } catch (IOException | UncheckedIOException e) {
            // leaving an empty folder behind is harmless
        }
    }

    private static String shortHash(String hash) {
        return hash == null ? "(none)" : hash.isEmpty() ? "(unknown)" : hash.substring(0, Math.min(12, hash.length()));
    }
}
