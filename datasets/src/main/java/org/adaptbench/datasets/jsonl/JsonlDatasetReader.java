package org.adaptbench.datasets.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.adaptbench.datasets.io.ContentHash;
import org.adaptbench.datasets.io.DatasetFormatException;
import org.adaptbench.datasets.io.JsonFields;
import org.adaptbench.datasets.io.JsonInput;
import org.adaptbench.datasets.model.Choice;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.DatasetKind;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.model.WireName;

/**
 * Reads a folder in the JSONL layout ({@link JsonlLayout}) into a {@link Dataset}, checking every
 * field and every reference; any fault ends with a {@link DatasetFormatException} naming the file,
 * line and field, and nothing is returned.
 *
 * <p>Each user's turns are ordered by timestamp (ties keep file order). A query is asked after the
 * turn named by {@code after_turn_id}, or at {@code timestamp} (it sees every turn at or before that
 * time), or, with neither, after the whole history.
 */
public final class JsonlDatasetReader {

    private final Path folder;
    private final int maxLineBytes;
    private final Map<String, UserBuilder> users = new LinkedHashMap<>();
    private final Map<String, Integer> queryLines = new HashMap<>();
    private boolean usersListed;

    private JsonlDatasetReader(Path folder, int maxLineBytes) {
        this.folder = folder;
        this.maxLineBytes = maxLineBytes;
    }

    public static Dataset read(Path folder) {
        return read(folder, JsonInput.DEFAULT_MAX_LINE_BYTES);
    }

    /** Reads with a custom line-length limit in bytes. */
    public static Dataset read(Path folder, int maxLineBytes) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetFormatException(folder, "", "", "no such folder");
        }
        return new JsonlDatasetReader(folder, maxLineBytes).read();
    }

    private Dataset read() {
        ContentHash hash = new ContentHash();
        Optional<JsonNode> manifest = readManifest();
        Path usersFile = folder.resolve(JsonlLayout.USERS);
        if (Files.exists(usersFile)) {
            usersListed = true;
            hash.add(JsonlLayout.USERS, JsonInput.readLines(usersFile, maxLineBytes, this::readUser));
        }
        hash.add(JsonlLayout.TURNS, JsonInput.readLines(folder.resolve(JsonlLayout.TURNS), maxLineBytes, this::readTurn));
        users.values().forEach(UserBuilder::orderTurns);
        hash.add(JsonlLayout.QUERIES, JsonInput.readLines(folder.resolve(JsonlLayout.QUERIES), maxLineBytes, this::readQuery));

        List<UserData> built = new ArrayList<>(users.size());
        for (UserBuilder user : users.values()) {
            built.add(user.build());
        }
        String name = manifest.flatMap(m -> new JsonFields(folder.resolve(JsonlLayout.MANIFEST), "").optionalText(m, "name"))
                .orElse(String.valueOf(folder.toAbsolutePath().normalize().getFileName()));
        return new Dataset(name, kind(manifest), hash.value(), built);
    }

    private Optional<JsonNode> readManifest() {
        Path file = folder.resolve(JsonlLayout.MANIFEST);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root = JsonInput.readDocument(file).root();
        JsonFields fields = new JsonFields(file, "");
        if (!root.isObject()) {
            throw fields.error("", "expected a JSON object");
        }
        Optional<String> format = fields.optionalText(root, "format");
        if (format.isPresent() && !format.get().equals(JsonlLayout.FORMAT)) {
            throw fields.error("format", "unknown format '" + format.get() + "' (expected " + JsonlLayout.FORMAT + ")");
        }
        int version = fields.optionalInt(root, "format_version").orElse(JsonlLayout.FORMAT_VERSION);
        if (version != JsonlLayout.FORMAT_VERSION) {
            throw fields.error("format_version", "version " + version + " is not supported (this build reads " + JsonlLayout.FORMAT_VERSION + ")");
        }
        fields.optionalText(root, "kind").ifPresent(kind -> DatasetKind.parse(kind)
                .orElseThrow(() -> fields.error("kind", "unknown kind '" + kind + "' (expected " + WireName.choices(DatasetKind.class) + ")")));
        return Optional.of(root);
    }

    private DatasetKind kind(Optional<JsonNode> manifest) {
        return manifest.flatMap(m -> Optional.ofNullable(m.get("kind")))
                .flatMap(kind -> DatasetKind.parse(kind.asText()))
                .orElse(DatasetKind.JSONL);
    }

    private void readUser(JsonNode line, JsonFields fields, int lineNumber) {
        String userId = fields.requireId(line, "user_id");
        UserBuilder previous = users.get(userId);
        if (previous != null) {
            throw fields.error("user_id", "duplicate user '" + userId + "' (first on line " + previous.line + ")");
        }
        UserBuilder user = new UserBuilder(userId, lineNumber);
        Optional<JsonNode> attributes = fields.optionalObject(line, "attributes");
        if (attributes.isPresent()) {
            JsonFields attributeFields = fields.nested("attributes");
            for (Iterator<String> names = attributes.get().fieldNames(); names.hasNext(); ) {
                String name = names.next();
                user.attributes.put(name, attributeFields.requireText(attributes.get(), name));
            }
        }
        users.put(userId, user);
    }

    private void readTurn(JsonNode line, JsonFields fields, int lineNumber) {
        String userId = fields.requireId(line, "user_id");
        UserBuilder user = users.get(userId);
        if (user == null) {
            if (usersListed) {
                throw fields.error("user_id", "unknown user '" + userId + "' (not in " + JsonlLayout.USERS + ")");
            }
            user = new UserBuilder(userId, lineNumber);
            users.put(userId, user);
        }
        String turnId = fields.requireId(line, "turn_id");
        Integer firstLine = user.turnLines.putIfAbsent(turnId, lineNumber);
        if (firstLine != null) {
            throw fields.error("turn_id", "duplicate turn id '" + turnId + "' for user '" + userId + "' (first on line " + firstLine + ")");
        }
        String roleText = fields.requireText(line, "role");
        Role role = Role.parse(roleText)
                .orElseThrow(() -> fields.error("role", "unknown role '" + roleText + "' (expected " + WireName.choices(Role.class) + ")"));
        String text = fields.requireText(line, "text");
        long timestamp = fields.requireLong(line, "timestamp");
        Optional<Choice> choice = fields.optionalObject(line, "choice").map(node -> choice(node, fields.nested("choice")));
        TurnLabel label = fields.optionalObject(line, "label").map(node -> label(node, fields.nested("label"))).orElse(TurnLabel.UNKNOWN);
        user.turns.add(new Turn(turnId, role, text, timestamp, choice, label));
    }

    private static Choice choice(JsonNode node, JsonFields fields) {
        String question = fields.requireText(node, "question");
        List<String> options = fields.requireTextList(node, "options");
        if (options.size() < 2) {
            throw fields.error("options", "a choice needs at least two options, found " + options.size());
        }
        int chosen = fields.requireInt(node, "chosen_index");
        if (chosen < 0 || chosen >= options.size()) {
            throw fields.error("chosen_index", "index " + chosen + " is out of range 0.." + (options.size() - 1));
        }
        return new Choice(question, options, chosen);
    }

    private static TurnLabel label(JsonNode node, JsonFields fields) {
        String kindText = fields.requireText(node, "kind");
        TurnKind kind = TurnKind.parse(kindText)
                .orElseThrow(() -> fields.error("kind", "unknown kind '" + kindText + "'"));
        String dimension = fields.optionalText(node, "dimension").orElse("");
        String option = fields.optionalText(node, "option").orElse("");
        boolean carriesPreference = kind != TurnKind.FILLER && kind != TurnKind.UNKNOWN;
        if (carriesPreference && dimension.isEmpty()) {
            throw fields.error("dimension", "is needed for a " + kindText + " label");
        }
        if (carriesPreference && option.isEmpty()) {
            throw fields.error("option", "is needed for a " + kindText + " label");
        }
        return new TurnLabel(kind, dimension, option);
    }

    private void readQuery(JsonNode line, JsonFields fields, int lineNumber) {
        String userId = fields.requireId(line, "user_id");
        UserBuilder user = users.get(userId);
        if (user == null) {
            throw fields.error("user_id", "unknown user '" + userId + "' (no turns and not in " + JsonlLayout.USERS + ")");
        }
        String queryId = fields.requireId(line, "query_id");
        Integer firstLine = queryLines.putIfAbsent(queryId, lineNumber);
        if (firstLine != null) {
            throw fields.error("query_id", "duplicate query id '" + queryId + "' (first on line " + firstLine + ")");
        }
        String question = fields.requireText(line, "question");
        List<String> options = fields.optionalTextList(line, "options").orElse(List.of());
        int correctIndex = correctIndex(line, fields, options);
        int visibleTurns = visibleTurns(line, fields, user);
        List<String> evidence = fields.optionalTextList(line, "evidence_turn_ids").orElse(List.of());
        for (int i = 0; i < evidence.size(); i++) {
            String field = "evidence_turn_ids[" + i + "]";
            Integer position = user.positions.get(evidence.get(i));
            if (position == null) {
                throw fields.error(field, "unknown turn '" + evidence.get(i) + "' for user '" + userId + "'");
            }
            if (position >= visibleTurns) {
                throw fields.error(field, "turn '" + evidence.get(i) + "' comes after the point where the query is asked");
            }
        }
        String answer = fields.optionalText(line, "answer").orElse("");
        if (options.isEmpty() && evidence.isEmpty() && answer.isBlank()) {
            throw fields.error("options", "a query needs options (multiple choice), evidence_turn_ids (retrieval) or an answer"
                    + " (question answering), found none");
        }
        boolean unanswerable = fields.optionalBoolean(line, "unanswerable").orElse(false);
        double majorityRate = fields.optionalDouble(line, "majority_rate").orElse(Double.NaN);
        if (!Double.isNaN(majorityRate) && (majorityRate < 0 || majorityRate > 1)) {
            throw fields.error("majority_rate", "must lie in [0, 1], found " + majorityRate);
        }
        user.queries.add(new Query(queryId, question, options, correctIndex, visibleTurns, evidence,
                fields.optionalText(line, "dimension").orElse(""),
                fields.optionalText(line, "group").orElse(""),
                majorityRate, answer, unanswerable));
    }

    private static int correctIndex(JsonNode line, JsonFields fields, List<String> options) {
        if (options.isEmpty()) {
            if (line.has("options")) {
                throw fields.error("options", "is empty (leave it out for a retrieval-only query)");
            }
            int given = fields.optionalInt(line, "correct_index").orElse(-1);
            if (given != -1) {
                throw fields.error("correct_index", "is " + given + " but the query has no options");
            }
            return -1;
        }
        if (options.size() < 2) {
            throw fields.error("options", "a multiple-choice query needs at least two options, found 1");
        }
        int index = fields.requireInt(line, "correct_index");
        if (index < 0 || index >= options.size()) {
            throw fields.error("correct_index", "index " + index + " is out of range 0.." + (options.size() - 1));
        }
        return index;
    }

    private static int visibleTurns(JsonNode line, JsonFields fields, UserBuilder user) {
        Optional<String> afterTurn = fields.optionalText(line, "after_turn_id");
        Optional<Long> timestamp = fields.optionalLong(line, "timestamp");
        if (afterTurn.isPresent() && timestamp.isPresent()) {
            throw fields.error("timestamp", "give after_turn_id or timestamp, not both");
        }
        if (afterTurn.isPresent()) {
            Integer position = user.positions.get(afterTurn.get());
            if (position == null) {
                throw fields.error("after_turn_id", "unknown turn '" + afterTurn.get() + "' for user '" + user.userId + "'");
            }
            return position + 1;
        }
        if (timestamp.isPresent()) {
            int seen = 0;
            while (seen < user.turns.size() && user.turns.get(seen).timestamp() <= timestamp.get()) {
                seen++;
            }
            return seen;
        }
        return user.turns.size();
    }

    /** One user while the files are being read. */
    private static final class UserBuilder {
        final String userId;
        final int line;
        final Map<String, String> attributes = new TreeMap<>();
        final List<Turn> turns = new ArrayList<>();
        final Map<String, Integer> turnLines = new HashMap<>();
        final Map<String, Integer> positions = new HashMap<>();
        final List<Query> queries = new ArrayList<>();

        UserBuilder(String userId, int line) {
            this.userId = userId;
            this.line = line;
        }

        void orderTurns() {
            turns.sort(Comparator.comparingLong(Turn::timestamp));
            for (int i = 0; i < turns.size(); i++) {
                positions.put(turns.get(i).turnId(), i);
            }
        }

        UserData build() {
            queries.sort(Comparator.comparingInt(Query::visibleTurns));
            return new UserData(userId, turns, queries, attributes);
        }
    }
}
