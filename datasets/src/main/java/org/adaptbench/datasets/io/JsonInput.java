package org.adaptbench.datasets.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Reads JSON documents and JSON Lines files strictly: UTF-8 only, duplicate keys and trailing
 * garbage refused, size limits enforced before anything large is held in memory.
 */
public final class JsonInput {

    /** Longest JSONL line accepted by default (a turn's text may be long, a 50 MB line is not a turn). */
    public static final int DEFAULT_MAX_LINE_BYTES = 8 << 20;

    /** Largest whole JSON document accepted (PrefEval's largest file is about 1 MB). */
    public static final long MAX_DOCUMENT_BYTES = 256L << 20;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private JsonInput() {
    }

    /** Receives each non-blank line of a JSONL file as a parsed JSON object. */
    @FunctionalInterface
    public interface LineVisitor {
        void visit(JsonNode object, JsonFields fields, int lineNumber);
    }

    /** A parsed document and the SHA-256 of its bytes. */
    public record Document(JsonNode root, String sha256) {
    }

    /** Reads a whole JSON document (at most {@link #MAX_DOCUMENT_BYTES}). */
    public static Document readDocument(Path file) {
        byte[] bytes;
        long size = InputFiles.checkRegular(file);
        if (size > MAX_DOCUMENT_BYTES) {
            throw new DatasetFormatException(file, "", "", "file is " + size + " bytes, more than the limit of " + MAX_DOCUMENT_BYTES);
        }
        try (InputStream in = InputFiles.open(file)) {
            bytes = in.readNBytes((int) MAX_DOCUMENT_BYTES + 1);
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e);
        }
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw new DatasetFormatException(file, "", "", "file is more than the limit of " + MAX_DOCUMENT_BYTES + " bytes");
        }
        String text = decode(file, "", bytes, 0, bytes.length);
        if (text.isBlank()) {
            throw new DatasetFormatException(file, "", "", "file is empty");
        }
        return new Document(parse(file, "", bytes, 0, bytes.length), ContentHash.sha256Hex(bytes));
    }

    /**
     * Streams a JSONL file line by line, refusing any line longer than {@code maxLineBytes} as soon
     * as that many bytes are read. Blank lines are skipped; a file with no object at all is an error.
     *
     * @return the SHA-256 of the file's bytes
     */
    public static String readLines(Path file, int maxLineBytes, LineVisitor visitor) {
        MessageDigest digest = ContentHash.newDigest();
        byte[] chunk = new byte[1 << 16];
        byte[] line = new byte[Math.min(maxLineBytes, 1 << 12)];
        int lineLength = 0;
        int lineNumber = 1;
        int objects = 0;
        try (InputStream in = InputFiles.open(file)) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                digest.update(chunk, 0, n);
                for (int i = 0; i < n; i++) {
                    byte b = chunk[i];
                    if (b == '\n') {
                        objects += acceptLine(file, line, lineLength, lineNumber, visitor);
                        lineLength = 0;
                        lineNumber++;
                        continue;
                    }
                    if (lineLength == maxLineBytes) {
                        throw new DatasetFormatException(file, "line " + lineNumber, "",
                                "line is longer than the limit of " + maxLineBytes + " bytes");
                    }
                    if (lineLength == line.length) {
                        line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, 2L * line.length));
                    }
                    line[lineLength++] = b;
                }
            }
            objects += acceptLine(file, line, lineLength, lineNumber, visitor);
        } catch (IOException e) {
            throw InputFiles.readFailure(file, e);
        }
        if (objects == 0) {
            throw new DatasetFormatException(file, "", "", "file is empty (no JSON object on any line)");
        }
        return ContentHash.hex(digest);
    }

    private static int acceptLine(Path file, byte[] line, int length, int lineNumber, LineVisitor visitor) {
        int start = lineNumber == 1 && startsWithBom(line, length) ? BOM.length : 0;
        int end = length > start && line[length - 1] == '\r' ? length - 1 : length;
        String location = "line " + lineNumber;
        if (!isAscii(line, start, end)) {
            decode(file, location, line, start, end);
        }
        if (isBlank(line, start, end)) {
            return 0;
        }
        JsonNode node = parse(file, location, line, start, end);
        if (!node.isObject()) {
            throw new DatasetFormatException(file, location, "", "expected a JSON object, found " + node.getNodeType().name().toLowerCase(java.util.Locale.US));
        }
        visitor.visit(node, new JsonFields(file, location), lineNumber);
        return 1;
    }

    private static boolean isAscii(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithBom(byte[] line, int length) {
        return length >= BOM.length && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
    }

    /** Decodes strictly, so bytes that are not UTF-8 are reported as such rather than as bad JSON. */
    private static String decode(Path file, String location, byte[] bytes, int start, int end) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new DatasetFormatException(file, location, "", "not valid UTF-8 text", e);
        }
    }

    /** Parses UTF-8 JSON; {@code location} is "line N" for a JSONL line, "" for a whole document. */
    private static JsonNode parse(Path file, String location, byte[] bytes, int start, int end) {
        try {
            return MAPPER.readTree(bytes, start, end - start);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            int newline = message.indexOf('\n');
            String problem = "not valid JSON: " + (newline < 0 ? message : message.substring(0, newline));
            var at = e.getLocation();
            if (at == null) {
                throw new DatasetFormatException(file, location, "", problem, e);
            }
            String where = location.isEmpty()
                    ? "line " + at.getLineNr() + ", column " + at.getColumnNr()
                    : location + ", column " + at.getColumnNr();
            throw new DatasetFormatException(file, where, "", problem, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse bytes already in memory", e);
        }
    }
}
