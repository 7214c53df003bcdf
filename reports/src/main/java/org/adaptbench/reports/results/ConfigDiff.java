package org.adaptbench.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Names the fields in which two configurations differ, as dotted paths ("adapters.rank", "datasets[1]"). */
public final class ConfigDiff {

    private ConfigDiff() {
    }

    /** Sorted dotted paths of every leaf that is added, removed or changed between {@code a} and {@code b}. */
    public static List<String> differingPaths(JsonNode a, JsonNode b) {
        return differingKeys(flatten(a, ""), flatten(b, ""));
    }

    /** Sorted keys whose values differ between two flattened configurations (present in one only counts). */
    public static List<String> differingKeys(Map<String, String> a, Map<String, String> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys.stream().filter(key -> !Objects.equals(a.get(key), b.get(key))).toList();
    }

    /** Every leaf of a JSON tree under its dotted path, prefixed with {@code path} when that is not empty. */
    public static SortedMap<String, String> flatten(JsonNode node, String path) {
        SortedMap<String, String> into = new TreeMap<>();
        flatten(node, path, into);
        return into;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", into);
            }
        } else {
            into.put(path.isEmpty() ? "(root)" : path, node.asText());
        }
    }
}
