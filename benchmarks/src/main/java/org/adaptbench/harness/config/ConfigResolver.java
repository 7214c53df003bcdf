package org.adaptbench.harness.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.adaptbench.harness.usage.UsageException;

/**
 * Resolves a run's configuration: the defaults file, then the suite's overrides, then the caller's.
 *
 * <p>The result is a plain JSON tree, so it can be written verbatim into {@code results.json} and
 * hashed to recognise a run directory on {@code --resume}.
 */
public final class ConfigResolver {

    private static final String DEFAULTS = "/org/adaptbench/harness/suites.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode file;

    private ConfigResolver(ObjectNode file) {
        this.file = file;
    }

    /** The resolver over the bundled defaults file. */
    public static ConfigResolver bundled() {
        try (InputStream in = ConfigResolver.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS);
            }
            return new ConfigResolver((ObjectNode) MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> suiteNames() {
        return iterable(file.get("suites").fieldNames());
    }

    /**
     * Defaults, merged with the suite, merged with {@code overrides} (dotted path → JSON value or plain text).
     *
     * @throws UsageException for an unknown suite or an override of a key that does not exist
     */
    public ObjectNode resolve(String suite, Map<String, String> overrides) {
        JsonNode suiteNode = file.get("suites").get(suite);
        if (suiteNode == null) {
            throw new UsageException("unknown suite '" + suite + "'; choose one of " + String.join(", ", suiteNames()));
        }
        ObjectNode resolved = file.get("defaults").deepCopy();
        merge(resolved, suiteNode, "");
        resolved.put("suite", suite);
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            set(resolved, override.getKey(), override.getValue());
        }
        return resolved;
    }

    private static void merge(ObjectNode target, JsonNode overrides, String path) {
        for (Map.Entry<String, JsonNode> field : iterable(overrides.fields())) {
            String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            JsonNode existing = target.get(field.getKey());
            if (existing == null) {
                throw new IllegalStateException("suites.json: suite sets '" + key + "', which has no default");
            }
            if (existing.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) existing, field.getValue(), key);
            } else {
                target.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private static void set(ObjectNode root, String dottedPath, String rawValue) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || !child.isObject()) {
                throw new UsageException("--set " + dottedPath + ": no such config section '" + parts[i] + "'");
            }
            node = (ObjectNode) child;
        }
        String leaf = parts[parts.length - 1];
        JsonNode existing = node.get(leaf);
        if (existing == null || existing.isObject()) {
            throw new UsageException("--set " + dottedPath + ": no such config value");
        }
        JsonNode value = existing.isTextual() ? text(rawValue) : parse(rawValue);
        String expected = expected(existing);
        if (!sameKind(existing, value)) {
            throw new UsageException("--set " + dottedPath + "=" + rawValue + ": expected " + expected + ", like " + existing);
        }
        node.set(leaf, value);
    }

    /** Text values are taken as given, unless written as a JSON string ("\"a b\""). */
    private static JsonNode text(String rawValue) {
        JsonNode parsed = parse(rawValue);
        return parsed.isTextual() ? parsed : TextNode.valueOf(rawValue);
    }

    /** Whether {@code value} has the type of the default it replaces (an integer for an integer, a list of the same elements). */
    private static boolean sameKind(JsonNode existing, JsonNode value) {
        if (existing.isArray()) {
            if (!value.isArray()) {
                return false;
            }
            if (existing.isEmpty()) {
                return true;
            }
            for (JsonNode element : value) {
                if (!sameKind(existing.get(0), element)) {
                    return false;
                }
            }
            return true;
        }
        if (existing.isIntegralNumber()) {
            return value.isIntegralNumber() && value.canConvertToLong();
        }
        if (existing.isNumber()) {
            return value.isNumber() && Double.isFinite(value.doubleValue());
        }
        return existing.getNodeType() == value.getNodeType();
    }

    private static String expected(JsonNode existing) {
        if (existing.isArray()) {
            return existing.isEmpty() ? "a JSON list" : "a JSON list of " + expected(existing.get(0)).replaceFirst("^an? ", "") + "s";
        }
        if (existing.isIntegralNumber()) {
            return "an integer";
        }
        if (existing.isNumber()) {
            return "a number";
        }
        if (existing.isBoolean()) {
            return "true or false";
        }
        return "a string";
    }

    private static JsonNode parse(String rawValue) {
        try {
            return MAPPER.readTree(rawValue);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(rawValue);
        }
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
