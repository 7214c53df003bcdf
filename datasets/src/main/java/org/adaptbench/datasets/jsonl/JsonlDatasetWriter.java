package org.adaptbench.datasets.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.adaptbench.datasets.io.AtomicFolder;
import org.adaptbench.datasets.model.Choice;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.datasets.model.UserData;

/**
 * Writes a {@link Dataset} in the JSONL layout ({@link JsonlLayout}); {@link JsonlDatasetReader}
 * reads it back to an equal {@code Dataset}.
 *
 * <p>Field order is fixed and attribute maps are sorted, so the same data gives the same bytes.
 */
public final class JsonlDatasetWriter {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private JsonlDatasetWriter() {
    }

    /** Writes {@code dataset} with a manifest naming its format, kind, name, counts and content hash. */
    public static void write(Dataset dataset, Path folder) {
        JsonlFiles files = encode(dataset.users());
        write(folder, files, manifest(dataset, files));
    }

    /** Writes encoded files plus {@code manifest} as {@code folder}, atomically. */
    public static void write(Path folder, JsonlFiles files, ObjectNode manifest) {
        SortedMap<String, byte[]> all = files.byName();
        all.put(JsonlLayout.MANIFEST, prettyJson(manifest));
        AtomicFolder.write(folder, all, JsonlLayout.FILES);
    }

    /** The manifest fields every writer of the layout emits; callers may append their own. */
    public static ObjectNode manifest(Dataset dataset, JsonlFiles files) {
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("format", JsonlLayout.FORMAT);
        manifest.put("format_version", JsonlLayout.FORMAT_VERSION);
        manifest.put("kind", dataset.kind().wireName());
        manifest.put("name", dataset.name());
        manifest.put("content_hash", files.contentHash());
        ObjectNode counts = manifest.putObject("counts");
        counts.put("users", dataset.users().size());
        counts.put("turns", dataset.turnCount());
        counts.put("queries", dataset.queryCount());
        return manifest;
    }

    /** Indented JSON with "\n" line ends on every platform, ending with a newline. */
    public static byte[] prettyJson(JsonNode node) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            String text = MAPPER.writer(printer).writeValueAsString(node);
            return (text + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise a JSON tree", e);
        }
    }

    /** Encodes users, turns and queries as three JSONL byte arrays. */
    public static JsonlFiles encode(List<UserData> users) {
        ByteArrayOutputStream usersOut = new ByteArrayOutputStream();
        ByteArrayOutputStream turnsOut = new ByteArrayOutputStream(1 << 16);
        ByteArrayOutputStream queriesOut = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator userLines = lines(usersOut);
                JsonGenerator turnLines = lines(turnsOut);
                JsonGenerator queryLines = lines(queriesOut)) {
            for (UserData user : users) {
                writeUser(userLines, user);
                for (Turn turn : user.history()) {
                    writeTurn(turnLines, user.userId(), turn);
                }
                for (Query query : user.queries()) {
                    writeQuery(queryLines, user, query);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a data set", e);
        }
        return new JsonlFiles(usersOut.toByteArray(), turnsOut.toByteArray(), queriesOut.toByteArray());
    }

    private static JsonGenerator lines(ByteArrayOutputStream out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out);
        generator.setRootValueSeparator(null);
        return generator;
    }

    private static void writeUser(JsonGenerator out, UserData user) throws IOException {
        out.writeStartObject();
        out.writeStringField("user_id", user.userId());
        out.writeObjectFieldStart("attributes");
        for (Map.Entry<String, String> attribute : user.attributes().entrySet()) {
            out.writeStringField(attribute.getKey(), attribute.getValue());
        }
        out.writeEndObject();
        out.writeEndObject();
        out.writeRaw('\n');
    }

    private static void writeTurn(JsonGenerator out, String userId, Turn turn) throws IOException {
        out.writeStartObject();
        out.writeStringField("user_id", userId);
        out.writeStringField("turn_id", turn.turnId());
        out.writeStringField("role", turn.role().wireName());
        out.writeStringField("text", turn.text());
        out.writeNumberField("timestamp", turn.timestamp());
        if (turn.choice().isPresent()) {
            Choice choice = turn.choice().get();
            out.writeObjectFieldStart("choice");
            out.writeStringField("question", choice.question());
            writeStrings(out, "options", choice.options());
            out.writeNumberField("chosen_index", choice.chosenIndex());
            out.writeEndObject();
        }
        TurnLabel label = turn.label();
        if (!label.equals(TurnLabel.UNKNOWN)) {
            out.writeObjectFieldStart("label");
            out.writeStringField("kind", label.kind().wireName());
            if (!label.dimension().isEmpty()) {
                out.writeStringField("dimension", label.dimension());
            }
            if (!label.option().isEmpty()) {
                out.writeStringField("option", label.option());
            }
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    private static void writeQuery(JsonGenerator out, UserData user, Query query) throws IOException {
        out.writeStartObject();
        out.writeStringField("user_id", user.userId());
        out.writeStringField("query_id", query.queryId());
        out.writeStringField("question", query.question());
        if (query.isMultipleChoice()) {
            writeStrings(out, "options", query.options());
            out.writeNumberField("correct_index", query.correctIndex());
        }
        writePosition(out, user.history(), query.visibleTurns());
        writeStrings(out, "evidence_turn_ids", query.evidenceTurnIds());
        if (!query.dimension().isEmpty()) {
            out.writeStringField("dimension", query.dimension());
        }
        if (!query.group().isEmpty()) {
            out.writeStringField("group", query.group());
        }
        if (query.hasAnswer()) {
            out.writeStringField("answer", query.answer());
        }
        if (query.unanswerable()) {
            out.writeBooleanField("unanswerable", true);
        }
        if (!Double.isNaN(query.majorityRate())) {
            out.writeNumberField("majority_rate", query.majorityRate());
        }
        out.writeEndObject();
        out.writeRaw('\n');
    }

    /** Says where the query is asked: after a turn, or (before every turn) at a time before the first. */
    private static void writePosition(JsonGenerator out, List<Turn> history, int visibleTurns) throws IOException {
        if (visibleTurns > 0) {
            out.writeStringField("after_turn_id", history.get(visibleTurns - 1).turnId());
        } else if (!history.isEmpty()) {
            out.writeNumberField("timestamp", history.get(0).timestamp() - 1);
        }
    }

    private static void writeStrings(JsonGenerator out, String field, List<String> values) throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }
}
