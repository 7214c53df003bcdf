package org.adaptbench.datasets.locomo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaptbench.datasets.io.ContentHash;
import org.adaptbench.datasets.io.DatasetFormatException;
import org.adaptbench.datasets.io.JsonFields;
import org.adaptbench.datasets.io.JsonInput;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.DatasetKind;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.datasets.model.UserData;

/**
 * Loads LoCoMo's {@code locomo10.json} layout: a JSON array of conversations
 * {@code {sample_id, conversation: {speaker_a, speaker_b, session_N_date_time, session_N: [turn...]},
 * qa: [...]}} (the release's {@code observation}, {@code session_summary} and {@code event_summary}
 * are accepted and not read). A file, or a folder whose {@code *.json} files are all in this layout.
 *
 * <p>Each conversation becomes one user. Every turn of both speakers is a user turn (the memory is
 * the pair's), its text the speaker's name, a colon and what was said, and a shared photo's caption
 * in brackets; its id is the {@code dia_id}; its time is its session's date (a second apart within
 * the session, in order). Each QA item becomes a retrieval query asked after the whole conversation,
 * with its gold evidence, its answer, and {@code category_N} as its group; category 5 (adversarial:
 * the conversation does not answer it, and the item has an {@code adversarial_answer} instead of an
 * {@code answer}) is marked unanswerable.
 *
 * <p>Two quirks of the annotations are handled on purpose and counted in the data set's notes: an
 * item with an empty {@code evidence} list is kept (it can still be answered) but has no evidence to
 * retrieve; an evidence string holding several ids ({@code "D8:6; D9:17"}) is split into them. Any
 * other fault (truncated JSON, a missing field, a session without its date, an evidence id that names
 * no turn, a category outside 1–5) ends with a {@link DatasetFormatException} naming the file, the
 * sample, the item and the field.
 */
public final class LocomoLoader {

    public static final String NAME = "locomo";

    /** Turns of one session are this far apart, in session order. */
    static final long TURN_GAP_MS = 1_000;

    private static final Pattern SESSION = Pattern.compile("session_(\\d+)");
    private static final Pattern ID_SEPARATOR = Pattern.compile("[;,]");
    /** "1:56 pm on 8 May, 2023", LoCoMo's only date format; read as UTC. */
    private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("h:mm a 'on' d MMMM, yyyy").toFormatter(Locale.US);

    private final ContentHash hash = new ContentHash();
    private int emptyEvidence;
    private int splitEvidence;
    private int adversarial;

    private LocomoLoader() {
    }

    /** True when {@code path} is a {@code .json} file, or a folder holding {@code .json} files and nothing of another layout. */
    public static boolean isLocomo(Path path) {
        if (Files.isRegularFile(path)) {
            return path.getFileName().toString().endsWith(".json");
        }
        return Files.isDirectory(path) && !jsonFiles(path).isEmpty();
    }

    /** Loads a LoCoMo file, or every {@code .json} file of a folder, in name order. */
    public static Dataset load(Path path) {
        List<Path> files;
        if (Files.isRegularFile(path)) {
            files = List.of(path);
        } else if (Files.isDirectory(path)) {
            files = jsonFiles(path);
            if (files.isEmpty()) {
                throw new DatasetFormatException(path, "", "", "no .json file in the folder (expected LoCoMo's locomo10.json layout)");
            }
        } else {
            throw new DatasetFormatException(path, "", "", "no such file or folder");
        }
        return new LocomoLoader().read(path, files);
    }

    private Dataset read(Path root, List<Path> files) {
        List<UserData> users = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path file : files) {
            JsonInput.Document document = JsonInput.readDocument(file);
            hash.add(file.getFileName().toString(), document.sha256());
            if (!document.root().isArray()) {
                throw new DatasetFormatException(file, "", "", "expected a JSON array of conversations (LoCoMo's locomo10.json layout)");
            }
            for (int i = 0; i < document.root().size(); i++) {
                JsonNode sample = document.root().get(i);
                JsonFields fields = new JsonFields(file, "item " + i);
                if (!sample.isObject()) {
                    throw fields.error("", "expected a conversation object");
                }
                String sampleId = fields.requireId(sample, "sample_id");
                Path first = seen.putIfAbsent(sampleId, file);
                if (first != null) {
                    throw fields.error("sample_id", "duplicate sample '" + sampleId + "' (first in " + first + ")");
                }
                users.add(user(file, sampleId, sample, new JsonFields(file, "sample " + sampleId)));
            }
        }
        List<String> notes = new ArrayList<>();
        if (emptyEvidence > 0) {
            notes.add(String.format(Locale.US, "LoCoMo: %d QA item%s with an empty evidence list kept as question-answering queries; "
                    + "they have no evidence to retrieve, so retrieval does not score them", emptyEvidence, emptyEvidence == 1 ? "" : "s"));
        }
        if (splitEvidence > 0) {
            notes.add(String.format(Locale.US, "LoCoMo: %d evidence string%s holding several turn ids (\"D8:6; D9:17\") split into "
                    + "the ids it names", splitEvidence, splitEvidence == 1 ? "" : "s"));
        }
        if (adversarial > 0) {
            notes.add(String.format(Locale.US, "LoCoMo: %d adversarial (category 5) item%s marked unanswerable: reported apart, "
                    + "in no overall figure", adversarial, adversarial == 1 ? "" : "s"));
        }
        String name = Files.isDirectory(root) ? String.valueOf(root.toAbsolutePath().normalize().getFileName()) : NAME;
        return new Dataset(name, DatasetKind.LOCOMO, hash.value(), users, notes);
    }

    private UserData user(Path file, String sampleId, JsonNode sample, JsonFields fields) {
        JsonNode conversation = fields.requireObject(sample, "conversation");
        JsonFields talk = fields.nested("conversation");
        String speakerA = talk.requireText(conversation, "speaker_a");
        String speakerB = talk.requireText(conversation, "speaker_b");
        TreeMap<Integer, String> sessions = new TreeMap<>();
        for (Iterator<String> names = conversation.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Matcher matcher = SESSION.matcher(name);
            if (matcher.matches()) {
                sessions.put(Integer.parseInt(matcher.group(1)), name);
            }
        }
        if (sessions.isEmpty()) {
            throw talk.error("session_1", "is missing: a conversation needs at least one session");
        }
        List<Turn> turns = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (String session : sessions.values()) {
            JsonNode dialogue = talk.require(conversation, session);
            if (!dialogue.isArray()) {
                throw talk.error(session, "expected an array of turns");
            }
            long start = sessionStart(conversation, talk, session);
            for (int t = 0; t < dialogue.size(); t++) {
                JsonNode turn = dialogue.get(t);
                JsonFields turnFields = talk.nested(session + "[" + t + "]");
                if (!turn.isObject()) {
                    throw talk.error(session + "[" + t + "]", "expected a turn object");
                }
                String diaId = turnFields.requireId(turn, "dia_id");
                if (positions.putIfAbsent(diaId, turns.size()) != null) {
                    throw turnFields.error("dia_id", "duplicate turn id '" + diaId + "'");
                }
                String text = turnFields.requireText(turn, "speaker") + ": " + turnFields.requireText(turn, "text");
                Optional<String> caption = turnFields.optionalText(turn, "blip_caption").filter(c -> !c.isBlank());
                if (caption.isPresent()) {
                    text += " [shares a photo: " + caption.get() + "]";
                }
                turns.add(Turn.of(diaId, Role.USER, text, start + t * TURN_GAP_MS, TurnLabel.UNKNOWN));
            }
        }
        JsonNode qa = fields.require(sample, "qa");
        if (!qa.isArray()) {
            throw fields.error("qa", "expected an array of QA items");
        }
        List<Query> queries = new ArrayList<>();
        for (int q = 0; q < qa.size(); q++) {
            JsonNode item = qa.get(q);
            JsonFields itemFields = new JsonFields(file, "sample " + sampleId + ", qa item " + q);
            if (!item.isObject()) {
                throw itemFields.error("", "expected a QA object");
            }
            queries.add(query(sampleId + "/q" + q, item, itemFields, positions, turns.size()));
        }
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("speaker_a", speakerA);
        attributes.put("speaker_b", speakerB);
        attributes.put("sessions", Integer.toString(sessions.size()));
        return new UserData(sampleId, turns, queries, attributes);
    }

    private long sessionStart(JsonNode conversation, JsonFields talk, String session) {
        String field = session + "_date_time";
        String text = talk.optionalText(conversation, field).orElseThrow(() -> talk.error(field, "is missing: every session needs its date"));
        try {
            return LocalDateTime.parse(text.trim(), DATE).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw talk.error(field, "'" + text + "' is not a date like '1:56 pm on 8 May, 2023'");
        }
    }

    private Query query(String queryId, JsonNode item, JsonFields fields, Map<String, Integer> positions, int visible) {
        String question = fields.requireText(item, "question");
        int category = fields.requireInt(item, "category");
        if (category < 1 || category > 5) {
            throw fields.error("category", "must be 1 to 5, found " + category);
        }
        List<String> raw = fields.requireTextList(item, "evidence");
        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String[] ids = ID_SEPARATOR.split(raw.get(i));
            if (ids.length > 1) {
                splitEvidence++;
            }
            for (String id : ids) {
                String trimmed = id.trim();
                if (trimmed.isEmpty()) {
                    throw fields.error("evidence[" + i + "]", "holds an empty turn id ('" + raw.get(i) + "')");
                }
                if (!positions.containsKey(trimmed)) {
                    throw fields.error("evidence[" + i + "]", "names no turn of the conversation ('" + trimmed + "')");
                }
                if (!evidence.contains(trimmed)) {
                    evidence.add(trimmed);
                }
            }
        }
        if (evidence.isEmpty()) {
            emptyEvidence++;
        }
        boolean unanswerable = category == 5;
        String answer = "";
        if (unanswerable) {
            adversarial++;
        } else {
            answer = answerText(item, fields);
        }
        return new Query(queryId, question, List.of(), -1, visible, evidence, "", "category_" + category, Double.NaN, answer, unanswerable);
    }

    /** The gold answer: a string, or a number written as the annotators wrote it (some answers are years). */
    private static String answerText(JsonNode item, JsonFields fields) {
        JsonNode value = fields.require(item, "answer");
        if (value.isTextual() || value.isNumber()) {
            String text = value.asText().trim();
            if (text.isEmpty()) {
                throw fields.error("answer", "is blank");
            }
            return text;
        }
        throw fields.error("answer", "expected a string or a number, found " + value.getNodeType().name().toLowerCase(Locale.US));
    }

    private static List<Path> jsonFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        files.sort(null);
        return files;
    }
}
