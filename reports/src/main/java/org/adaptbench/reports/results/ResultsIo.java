package org.adaptbench.reports.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaptbench.reports.io.AtomicFiles;

/**
 * Reads and writes a run directory's {@code results.json} and {@code samples.jsonl}.
 *
 * <p>JSON field names are snake_case, map keys sorted and output indented, so two runs with the
 * same numbers produce the same bytes.
 */
public final class ResultsIo {

    public static final String RESULTS_FILE = "results.json";
    public static final String SAMPLES_FILE = "samples.jsonl";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final ObjectMapper LINE_MAPPER = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private ResultsIo() {
    }

    /** The mapper with the results conventions, for modules that write other JSON beside the results. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    public static void write(Path runDir, Results results) {
        try {
            AtomicFiles.write(runDir.resolve(RESULTS_FILE), (MAPPER.writeValueAsString(results) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise results", e);
        }
    }

    public static void writeSamples(Path runDir, List<Sample> samples) {
        StringBuilder text = new StringBuilder();
        try {
            for (Sample sample : samples) {
                text.append(LINE_MAPPER.writeValueAsString(sample)).append('\n');
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise samples", e);
        }
        AtomicFiles.writeString(runDir.resolve(SAMPLES_FILE), text.toString());
    }

    /**
     * Reads {@code results.json} from a run directory (or the file itself).
     *
     * <p>Version 1 is the only format so far; any other {@code schema_version} is refused with a
     * message saying whether the file is newer than this build or not an AdaptBench file at all.
     */
    public static Results read(Path runDirOrFile) {
        Path file = resultsFile(runDirOrFile);
        return fromTree(file, readJson(file));
    }

    /**
     * Validates and maps a results file already parsed with {@link #readJson(Path)}, so a caller that
     * had to look at the tree first (to tell a results file from a JMH file) parses it once.
     */
    public static Results fromTree(Path file, JsonNode tree) {
        if (!tree.isObject()) {
            throw new ResultsFormatException(file, "", "expected a JSON object");
        }
        JsonNode version = tree.get("schema_version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new ResultsFormatException(file, "schema_version", "missing or not an integer (is this an AdaptBench results file?)");
        }
        int found = version.asInt();
        if (found > Results.CURRENT_SCHEMA_VERSION) {
            throw new ResultsFormatException(file, "schema_version", "version " + found + " was written by a newer AdaptBench;"
                    + " this build reads version " + Results.CURRENT_SCHEMA_VERSION + " (upgrade adaptbench to read it)");
        }
        if (found < Results.CURRENT_SCHEMA_VERSION) {
            throw new ResultsFormatException(file, "schema_version", "version " + found + " was never written by AdaptBench"
                    + " (versions start at 1; this build reads version " + Results.CURRENT_SCHEMA_VERSION + ")");
        }
        // the validator fills absent optional fields in place: work on a copy, the caller's tree stays as it was
        tree = tree.deepCopy();
        ResultsValidator.check(file, (com.fasterxml.jackson.databind.node.ObjectNode) tree);
        try {
            return MAPPER.treeToValue(tree, Results.class);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file, fieldPath(e), e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException(file, "", e.getMessage(), e);
        }
    }

    /**
     * Parses a JSON file, failing with the file, line and column on a syntax error (a truncated
     * file), and refusing empty files and non-standard tokens such as a bare NaN.
     */
    public static JsonNode readJson(Path file) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ResultsFormatException(file, "", "no such file");
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file, "", "not valid JSON at " + location(e) + " (" + e.getOriginalMessage() + ")", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ResultsFormatException(file, "", "not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ResultsFormatException(file, "", "empty file");
        }
        return tree;
    }

    /** The results file a run directory or file argument names. */
    public static Path resultsFile(Path runDirOrFile) {
        return Files.isDirectory(runDirOrFile) ? runDirOrFile.resolve(RESULTS_FILE) : runDirOrFile;
    }

    private static String location(JsonProcessingException e) {
        var where = e.getLocation();
        return where == null ? "an unknown position" : "line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    /** Reads {@code samples.jsonl}; an absent file gives an empty list (older runs have none). */
    public static List<Sample> readSamples(Path runDir) {
        Path file = runDir.resolve(SAMPLES_FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Sample> samples = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    samples.add(LINE_MAPPER.readValue(lines.get(i), Sample.class));
                } catch (JsonProcessingException e) {
                    throw new ResultsFormatException(file, fieldPath(e), "line " + (i + 1) + ": " + e.getOriginalMessage(), e);
                } catch (IllegalArgumentException e) {
                    throw new ResultsFormatException(file, "", "line " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return samples;
    }

    private static String fieldPath(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            StringBuilder path = new StringBuilder();
            for (var ref : mapping.getPath()) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
            }
            return path.toString();
        }
        return "";
    }
}
