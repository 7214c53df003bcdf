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
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaptbench.reports.io.AtomicFiles;
import org.adaptbench.reports.io.ReadableFiles;

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

    /** Largest results.json (or JMH file) read: far above a full suite's few megabytes, far below what would exhaust a heap. */
    public static final long MAX_JSON_BYTES = 128L << 20;
    /** Largest samples.jsonl read. */
    public static final long MAX_SAMPLES_BYTES = 512L << 20;

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
        long size = regularFile(file);
        if (size > MAX_JSON_BYTES) {
            throw new ResultsFormatException(file, "", String.format(java.util.Locale.US,
                    "is %,d bytes, more than the %,d bytes (%d MiB) a results or JMH file may have; refused without reading it",
                    size, MAX_JSON_BYTES, MAX_JSON_BYTES >> 20));
        }
        JsonNode tree;
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            tree = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file, "", "not valid JSON at " + location(e) + " (" + e.getOriginalMessage() + ")", e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ResultsFormatException(file, "", "not UTF-8 text", e);
        } catch (IOException e) {
            throw new ResultsFormatException(file, "", "cannot be read (" + ReadableFiles.reason(e) + ")", e);
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

    /**
     * Reads {@code samples.jsonl} line by line (strict UTF-8, at most {@link #MAX_SAMPLES_BYTES}); an
     * absent file gives an empty list (older runs have none).
     */
    public static List<Sample> readSamples(Path runDir) {
        Path file = runDir.resolve(SAMPLES_FILE);
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        long size = regularFile(file);
        if (size > MAX_SAMPLES_BYTES) {
            throw new ResultsFormatException(file, "", String.format(java.util.Locale.US,
                    "is %,d bytes, more than the %,d bytes (%d MiB) a samples file may have; refused without reading it",
                    size, MAX_SAMPLES_BYTES, MAX_SAMPLES_BYTES >> 20));
        }
        List<Sample> samples = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNumber = 0;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            byte[] chunk = new byte[1 << 16];
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        line.write(chunk, start, i - start);
                        acceptSample(file, line, ++lineNumber, decoder, samples);
                        start = i + 1;
                    }
                }
                line.write(chunk, start, n - start);
            }
            if (line.size() > 0) {
                acceptSample(file, line, ++lineNumber, decoder, samples);
            }
        } catch (IOException e) {
            throw new ResultsFormatException(file, "", "cannot be read (" + ReadableFiles.reason(e) + ")", e);
        }
        return samples;
    }

    /** Decodes one line strictly, so a byte that is not UTF-8 is reported at its line, and parses it unless blank. */
    private static void acceptSample(Path file, java.io.ByteArrayOutputStream line, int lineNumber,
            java.nio.charset.CharsetDecoder decoder, List<Sample> samples) {
        String text;
        try {
            text = decoder.decode(java.nio.ByteBuffer.wrap(line.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ResultsFormatException(file, "", "line " + lineNumber + ": not UTF-8 text", e);
        }
        line.reset();
        if (!text.isBlank()) {
            samples.add(sample(file, text, lineNumber));
        }
    }

    private static Sample sample(Path file, String line, int lineNumber) {
        try {
            return LINE_MAPPER.readValue(line, Sample.class);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file, fieldPath(e), "line " + lineNumber + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ResultsFormatException(file, "", "line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    /** The size of {@code file}, a regular file; anything else is refused before it is opened (a FIFO would block). */
    private static long regularFile(Path file) {
        try {
            return ReadableFiles.regularFileSize(file);
        } catch (ReadableFiles.NotReadable e) {
            throw new ResultsFormatException(file, "", e.getMessage());
        }
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
