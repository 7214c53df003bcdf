package org.adaptbench.harness.cell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.reports.io.AtomicFiles;
import org.adaptbench.reports.results.ConfigDiff;
import org.adaptbench.reports.results.ResultsIo;

/**
 * A run's output folder: the resolved config, one file per finished cell, and at the end the results.
 *
 * <p>Every file is written atomically, so an interrupted run leaves only whole cells behind and
 * {@code --resume} continues from exactly those.
 */
public final class RunDirectory {

    public static final String RUN_FILE = "run.json";
    public static final String CELLS = "cells";

    private static final ObjectMapper MAPPER = ResultsIo.mapper();

    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** A new run in {@code dir}, which must not already hold one. */
    public static RunDirectory create(Path dir, ObjectNode config) {
        if (Files.exists(dir.resolve(RUN_FILE))) {
            throw new UsageException(dir + " already holds a run; pass --resume to continue it, or choose another --out");
        }
        RunDirectory run = new RunDirectory(dir);
        try {
            AtomicFiles.writeString(dir.resolve(RUN_FILE), MAPPER.writeValueAsString(config) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return run;
    }

    /** The run in {@code dir}, which must have been started with the same configuration. */
    public static RunDirectory resume(Path dir, ObjectNode config) {
        Path runFile = dir.resolve(RUN_FILE);
        if (!Files.exists(runFile)) {
            throw new UsageException(dir + " holds no run to resume (no " + RUN_FILE + ")");
        }
        JsonNode recorded;
        try {
            recorded = MAPPER.readTree(Files.readString(runFile));
        } catch (JsonProcessingException e) {
            throw new UsageException(runFile + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> differences = ConfigDiff.differingPaths(recorded, config);
        if (!differences.isEmpty()) {
            throw new UsageException(dir + " belongs to another configuration; fields that differ: "
                    + String.join(", ", differences));
        }
        return new RunDirectory(dir);
    }

    public Path path() {
        return path;
    }

    /** The saved outcome of a finished cell, if there is one. */
    public Optional<CellResult> finished(CellKey key) {
        Path file = path.resolve(CELLS).resolve(key.fileName());
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readValue(Files.readString(file), CellResult.class));
        } catch (IOException e) {
            throw new UsageException(file + ": unreadable cell (" + e.getMessage() + "); delete it to recompute");
        }
    }

    public void save(CellKey key, CellResult result) {
        try {
            AtomicFiles.writeString(path.resolve(CELLS).resolve(key.fileName()), MAPPER.writeValueAsString(result) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
