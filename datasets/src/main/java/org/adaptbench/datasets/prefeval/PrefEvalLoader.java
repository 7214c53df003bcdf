package org.adaptbench.datasets.prefeval;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adaptbench.datasets.io.ContentHash;
import org.adaptbench.datasets.io.DatasetFormatException;
import org.adaptbench.datasets.io.InputFiles;
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
import org.adaptbench.datasets.seed.Seeds;

/**
 * Loads PrefEval (or any folder in its layout) as users with one query each.
 *
 * <p>Each item of {@code <form folder>/<topic>.json} becomes a user whose history reveals the
 * preference, followed by the requested number of filler messages, then one 4-option query from
 * {@code mcq_options/<topic>.json} (first option correct, shuffled with the seed). Topics are whatever
 * files are on disk. Gold evidence: the statement turn (explicit); the turn in which the user picks
 * an option (choice-based); every user turn of the persona conversation (persona-driven: PrefEval
 * does not say which turn reveals the preference).
 */
public final class PrefEvalLoader {

    public static final String MCQ_FOLDER = "mcq_options";
    public static final String FILLER_FILE = "filtered_inter_turns.json";
    public static final String NAME = "prefeval";

    /** 2024-01-01T00:00:00Z; turns are a minute apart. */
    private static final long EPOCH_MS = 1_704_067_200_000L;
    private static final long TURN_GAP_MS = 60_000;

    private final Path root;
    private final PrefEvalOptions options;
    private final ContentHash hash = new ContentHash();
    private final Map<String, JsonNode> mcqByTopic = new HashMap<>();
    private FillerPool filler;

    private PrefEvalLoader(Path root, PrefEvalOptions options) {
        this.root = root;
        this.options = options;
    }

    /** True when {@code folder} has any of PrefEval's form folders or its {@code mcq_options}. */
    public static boolean isPrefEvalFolder(Path folder) {
        if (Files.isDirectory(folder.resolve(MCQ_FOLDER))) {
            return true;
        }
        for (PrefEvalForm form : PrefEvalForm.values()) {
            if (Files.isDirectory(folder.resolve(form.folder()))) {
                return true;
            }
        }
        return false;
    }

    /** Every topic with a file in at least one form folder, sorted. */
    public static SortedSet<String> topics(Path root) {
        SortedSet<String> topics = new TreeSet<>();
        for (PrefEvalForm form : PrefEvalForm.values()) {
            topics.addAll(topicFiles(root.resolve(form.folder())).keySet());
        }
        return topics;
    }

    public static Dataset load(Path root, PrefEvalOptions options) {
        if (!Files.isDirectory(root)) {
            throw new DatasetFormatException(root, "", "", "no such folder");
        }
        if (!isPrefEvalFolder(root)) {
            throw new DatasetFormatException(root, "", "", "not in PrefEval's layout (no " + MCQ_FOLDER + "/, "
                    + PrefEvalForm.EXPLICIT.folder() + "/ or implicit_preference/ folder)");
        }
        return new PrefEvalLoader(root, options).load();
    }

    private Dataset load() {
        SortedSet<String> found = topics(root);
        for (String topic : options.topics()) {
            if (!found.contains(topic)) {
                throw new DatasetFormatException(root, "", "topics", "unknown topic '" + topic + "' (found: " + String.join(", ", found) + ")");
            }
        }
        if (options.fillerTurns() > 0) {
            Path file = root.resolve(FILLER_FILE);
            filler = FillerPool.read(file);
            hash.add(FILLER_FILE, filler.sha256());
        }
        List<UserData> users = new ArrayList<>();
        for (PrefEvalForm form : options.forms()) {
            Map<String, Path> files = topicFiles(root.resolve(form.folder()));
            for (Map.Entry<String, Path> topicFile : files.entrySet()) {
                if (options.keeps(topicFile.getKey())) {
                    readTopic(form, topicFile.getKey(), topicFile.getValue(), users);
                }
            }
        }
        return new Dataset(NAME, DatasetKind.PREFEVAL, hash.value(), users);
    }

    private void readTopic(PrefEvalForm form, String topic, Path file, List<UserData> users) {
        JsonInput.Document document = JsonInput.readDocument(file);
        hash.add(form.folder() + "/" + file.getFileName(), document.sha256());
        JsonNode items = requireArray(file, document.root());
        JsonNode mcq = mcq(topic, form);
        Path mcqFile = root.resolve(MCQ_FOLDER).resolve(topic + ".json");
        Map<Integer, String> kept = keptItems(topic, items.size());
        for (int i : kept.keySet()) {
            JsonFields fields = new JsonFields(file, "item " + i);
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw fields.error("", "expected an object");
            }
            if (i >= mcq.size()) {
                throw new DatasetFormatException(mcqFile, "item " + i, "", "missing: " + form.folder() + "/" + topic
                        + ".json has " + items.size() + " items but this file only " + mcq.size());
            }
            users.add(user(form, topic, i, item, fields, mcq.get(i), new JsonFields(mcqFile, "item " + i), kept.get(i)));
        }
    }

    /** The kept item indices in file order, each with its part of the split; the same for every form. */
    private Map<Integer, String> keptItems(String topic, int count) {
        PrefEvalOptions.ItemSplit split = options.split();
        Map<Integer, String> kept = new TreeMap<>();
        if (split.domain() == 0 && (split.evaluated() == 0 || split.evaluated() >= count)) {
            for (int i = 0; i < count; i++) {
                kept.put(i, PrefEvalOptions.EVALUATED);
            }
            return kept;
        }
        int[] order = Seeds.permutation(count, Seeds.random(split.seed(), "prefeval-items/" + topic, 0));
        int evaluatedEnd = split.evaluated() == 0 ? count : Math.min(count, split.domain() + split.evaluated());
        for (int rank = 0; rank < evaluatedEnd; rank++) {
            kept.put(order[rank], rank < split.domain() ? PrefEvalOptions.DOMAIN : PrefEvalOptions.EVALUATED);
        }
        return kept;
    }

    private UserData user(PrefEvalForm form, String topic, int index, JsonNode item, JsonFields fields,
            JsonNode mcqItem, JsonFields mcqFields, String part) {
        String userId = form.wireName() + "/" + topic + "/" + index;
        String preference = fields.requireText(item, "preference");
        String question = fields.requireText(item, "question");
        History history = new History();
        Map<String, String> attributes = new TreeMap<>();
        attributes.put("form", form.wireName());
        attributes.put("topic", topic);
        attributes.put("item", Integer.toString(index));
        attributes.put(PrefEvalOptions.PART, part);
        attributes.put("preference", preference);
        switch (form) {
            case EXPLICIT -> history.evidence.add(history.add(Role.USER, preference, Optional.empty(),
                    new TurnLabel(TurnKind.STATEMENT, topic, preference)));
            case CHOICE -> choiceConversation(item, fields, topic, preference, history);
            case PERSONA -> {
                attributes.put("persona", fields.requireText(item, "persona"));
                personaConversation(item, fields, history);
            }
        }
        if (options.fillerTurns() > 0) {
            SplittableRandom random = Seeds.random(options.seed(), "prefeval-filler/" + topic, index);
            for (FillerPool.Message message : filler.take(options.fillerTurns(), random)) {
                history.add(message.role(), message.text(), Optional.empty(), TurnLabel.FILLER);
            }
        }
        if (!mcqItem.isObject()) {
            throw mcqFields.error("", "expected an object");
        }
        String mcqQuestion = mcqFields.requireText(mcqItem, "question");
        if (!mcqQuestion.equals(question)) {
            throw mcqFields.error("question", "does not match item " + index + " of " + form.folder() + "/" + topic + ".json");
        }
        List<String> mcqOptions = mcqFields.requireTextList(mcqItem, "classification_task_options");
        if (mcqOptions.size() < 2) {
            throw mcqFields.error("classification_task_options", "needs at least two options, found " + mcqOptions.size());
        }
        // the first option respects the preference; present them in a seeded order
        int[] order = Seeds.permutation(mcqOptions.size(), Seeds.random(options.seed(), "prefeval-options/" + topic, index));
        List<String> shuffled = new ArrayList<>(order.length);
        int correct = -1;
        for (int position = 0; position < order.length; position++) {
            shuffled.add(mcqOptions.get(order[position]));
            if (order[position] == 0) {
                correct = position;
            }
        }
        Query query = new Query(userId + "/q0", question, shuffled, correct, history.turns.size(), history.evidence,
                topic, form.wireName() + "/" + topic, Double.NaN);
        return new UserData(userId, history.turns, List.of(query), attributes);
    }

    private static void choiceConversation(JsonNode item, JsonFields fields, String topic, String preference, History history) {
        String implicitQuery = fields.requireText(item, "implicit_query");
        List<String> offered = fields.requireTextList(item, "options");
        if (offered.size() < 2) {
            throw fields.error("options", "needs at least two options, found " + offered.size());
        }
        String aligned = fields.requireText(item, "aligned_op");
        int chosen = offered.indexOf(aligned);
        if (chosen < 0) {
            throw fields.error("aligned_op", "is not one of the options");
        }
        JsonNode conversation = fields.requireObject(item, "conversation");
        JsonFields turns = fields.nested("conversation");
        history.add(Role.USER, turns.requireText(conversation, "query"), Optional.empty(), TurnLabel.UNKNOWN);
        history.add(Role.ASSISTANT, turns.requireText(conversation, "assistant_options"), Optional.empty(), TurnLabel.UNKNOWN);
        history.evidence.add(history.add(Role.USER, turns.requireText(conversation, "user_selection"),
                Optional.of(new Choice(implicitQuery, offered, chosen)), new TurnLabel(TurnKind.IMPLICIT_CHOICE, topic, preference)));
        history.add(Role.ASSISTANT, turns.requireText(conversation, "assistant_acknowledgment"), Optional.empty(), TurnLabel.UNKNOWN);
    }

    private static void personaConversation(JsonNode item, JsonFields fields, History history) {
        JsonNode conversation = fields.requireObject(item, "conversation");
        JsonFields turns = fields.nested("conversation");
        // keys are "0", "1", ...: order them as numbers, not as strings ("10" after "9")
        List<Map.Entry<Integer, String>> keys = new ArrayList<>();
        for (Iterator<String> names = conversation.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            try {
                keys.add(Map.entry(Integer.parseInt(key), key));
            } catch (NumberFormatException e) {
                throw turns.error(key, "conversation keys must be turn numbers (\"0\", \"1\", ...)");
            }
        }
        if (keys.isEmpty()) {
            throw fields.error("conversation", "is empty");
        }
        keys.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Integer, String> key : keys) {
            JsonNode exchange = turns.requireObject(conversation, key.getValue());
            JsonFields exchangeFields = turns.nested(key.getValue());
            history.evidence.add(history.add(Role.USER, exchangeFields.requireText(exchange, "user"), Optional.empty(), TurnLabel.UNKNOWN));
            history.add(Role.ASSISTANT, exchangeFields.requireText(exchange, "assistant"), Optional.empty(), TurnLabel.UNKNOWN);
        }
    }

    private JsonNode mcq(String topic, PrefEvalForm form) {
        JsonNode cached = mcqByTopic.get(topic);
        if (cached != null) {
            return cached;
        }
        Path file = root.resolve(MCQ_FOLDER).resolve(topic + ".json");
        if (!InputFiles.present(file)) {
            throw new DatasetFormatException(file, "", "", "no such file (the options of the " + form.wireName() + " items of topic " + topic + " come from it)");
        }
        JsonInput.Document document = JsonInput.readDocument(file);
        hash.add(MCQ_FOLDER + "/" + file.getFileName(), document.sha256());
        JsonNode items = requireArray(file, document.root());
        mcqByTopic.put(topic, items);
        return items;
    }

    private static JsonNode requireArray(Path file, JsonNode root) {
        if (!root.isArray()) {
            throw new DatasetFormatException(file, "", "", "expected a JSON array of items");
        }
        return root;
    }

    /** Topic name to file for every {@code *.json} in {@code folder}, sorted by topic; empty if no folder. */
    private static Map<String, Path> topicFiles(Path folder) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.json")) {
            for (Path entry : entries) {
                InputFiles.checkRegular(entry); // a folder or FIFO named like a topic is refused, not skipped unsaid
                String name = entry.getFileName().toString();
                files.put(name.substring(0, name.length() - ".json".length()), entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return files;
    }

    /** One user's history while it is built. */
    private static final class History {
        final List<Turn> turns = new ArrayList<>();
        final List<String> evidence = new ArrayList<>();

        String add(Role role, String text, Optional<Choice> choice, TurnLabel label) {
            String turnId = "t" + turns.size();
            turns.add(new Turn(turnId, role, text, EPOCH_MS + turns.size() * TURN_GAP_MS, choice, label));
            return turnId;
        }
    }
}
