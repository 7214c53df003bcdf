package org.adaptbench.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** Names the fields in which two configurations differ, as dotted paths ("adapters.rank", "datasets[1]"). */
public final class ConfigDiff {

    private ConfigDiff() {
    }

    /** Sorted dotted paths of every leaf that is added, removed or changed between {@code a} and {@code b}. */
    public static List<String> differingPaths(JsonNode a, JsonNode b) {
        List<String> paths = new ArrayList<>();
        walk(a, b, "", paths);
        return paths;
    }

    private static void walk(JsonNode a, JsonNode b, String path, List<String> out) {
        if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
            out.add(path.isEmpty() ? "(root)" : path);
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                walk(a.get(name), b.get(name), path.isEmpty() ? name : path + "." + name, out);
            }
            return;
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            for (int i = 0; left.hasNext(); i++) {
                walk(left.next(), right.next(), path + "[" + i + "]", out);
            }
            return;
        }
        if (!a.equals(b)) {
            out.add(path.isEmpty() ? "(root)" : path);
        }
    }
}
