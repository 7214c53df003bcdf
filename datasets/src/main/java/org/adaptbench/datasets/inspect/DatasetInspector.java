package org.adaptbench.datasets.inspect;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.adaptbench.datasets.DatasetLoader;
import org.adaptbench.datasets.LoadOptions;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.DatasetKind;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.prefeval.PrefEvalForm;

/**
 * Counts what a data set holds (users, turns, queries, options, evidence) as deterministic text; on
 * PrefEval, also the items of every topic per form.
 */
public final class DatasetInspector {

    private DatasetInspector() {
    }

    /** Loads {@code source} (as {@link DatasetLoader#load} does) and describes it. */
    public static String inspect(String source, LoadOptions options) {
        return describe(DatasetLoader.load(source, options));
    }

    public static String describe(Dataset dataset) {
        StringBuilder out = new StringBuilder();
        int userTurns = 0;
        int options = 0;
        int evidence = 0;
        int multipleChoice = 0;
        Map<TurnKind, Integer> kinds = new EnumMap<>(TurnKind.class);
        SortedMap<String, Integer> dimensions = new TreeMap<>();
        double majoritySum = 0;
        int majorityCount = 0;
        for (UserData user : dataset.users()) {
            for (Turn turn : user.history()) {
                userTurns += turn.role() == Role.USER ? 1 : 0;
                kinds.merge(turn.label().kind(), 1, Integer::sum);
            }
            for (Query query : user.queries()) {
                options += query.options().size();
                evidence += query.evidenceTurnIds().size();
                multipleChoice += query.isMultipleChoice() ? 1 : 0;
                dimensions.merge(query.dimension().isEmpty() ? "(none)" : query.dimension(), 1, Integer::sum);
                if (!Double.isNaN(query.majorityRate())) {
                    majoritySum += query.majorityRate();
                    majorityCount++;
                }
            }
        }
        line(out, "data set", dataset.name() + " (" + dataset.kind().wireName() + ")");
        line(out, "content hash", dataset.contentHash());
        line(out, "users", Integer.toString(dataset.users().size()));
        line(out, "turns", String.format(Locale.US, "%d (user %d, assistant %d)",
                dataset.turnCount(), userTurns, dataset.turnCount() - userTurns));
        line(out, "queries", String.format(Locale.US, "%d (multiple choice %d, retrieval only %d)",
                dataset.queryCount(), multipleChoice, dataset.queryCount() - multipleChoice));
        line(out, "options", Integer.toString(options));
        line(out, "evidence", evidence + " turn ids");
        StringBuilder labels = new StringBuilder();
        kinds.forEach((kind, count) -> labels.append(labels.length() == 0 ? "" : ", ").append(kind.wireName()).append(' ').append(count));
        line(out, "turn labels", labels.length() == 0 ? "(none)" : labels.toString());
        if (majorityCount > 0) {
            line(out, "majority ceiling", String.format(Locale.US, "%.4f (over %d queries)", majoritySum / majorityCount, majorityCount));
        }
        for (String note : dataset.notes()) {
            line(out, "note", note);
        }
        if (dataset.kind() == DatasetKind.PREFEVAL) {
            topicTable(out, dataset);
        } else if (dimensions.size() == 1 && dimensions.containsKey("(none)")) {
            SortedMap<String, Integer> groups = new TreeMap<>();
            dataset.users().forEach(user -> user.queries().forEach(query -> groups.merge(query.group().isEmpty() ? "(none)" : query.group(), 1, Integer::sum)));
            out.append('\n').append(String.format(Locale.US, "%-28s %8s\n", "group", "queries"));
            groups.forEach((name, count) -> out.append(String.format(Locale.US, "%-28s %8d\n", name, count)));
        } else {
            out.append('\n').append(String.format(Locale.US, "%-28s %8s\n", "dimension", "queries"));
            dimensions.forEach((name, count) -> out.append(String.format(Locale.US, "%-28s %8d\n", name, count)));
        }
        return out.toString();
    }

    /** Items per topic and form, read from the users' {@code topic} and {@code form} attributes. */
    private static void topicTable(StringBuilder out, Dataset dataset) {
        SortedMap<String, int[]> topics = new TreeMap<>();
        PrefEvalForm[] forms = PrefEvalForm.values();
        for (UserData user : dataset.users()) {
            String topic = user.attributes().getOrDefault("topic", "(none)");
            int form = PrefEvalForm.parse(user.attributes().getOrDefault("form", "")).map(Enum::ordinal).orElse(-1);
            int[] counts = topics.computeIfAbsent(topic, t -> new int[forms.length]);
            if (form >= 0) {
                counts[form]++;
            }
        }
        int[] totals = new int[forms.length];
        out.append('\n').append(String.format(Locale.US, "%-28s", "topic"));
        for (PrefEvalForm form : forms) {
            out.append(String.format(Locale.US, " %8s", form.wireName()));
        }
        out.append(String.format(Locale.US, " %8s\n", "total"));
        for (Map.Entry<String, int[]> topic : topics.entrySet()) {
            row(out, topic.getKey(), topic.getValue());
            for (int f = 0; f < forms.length; f++) {
                totals[f] += topic.getValue()[f];
            }
        }
        row(out, "total", totals);
    }

    private static void row(StringBuilder out, String name, int[] counts) {
        out.append(String.format(Locale.US, "%-28s", name));
        int total = 0;
        for (int count : counts) {
            out.append(String.format(Locale.US, " %8d", count));
            total += count;
        }
        out.append(String.format(Locale.US, " %8d\n", total));
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(String.format(Locale.US, "%-17s %s\n", name, value));
    }
}
