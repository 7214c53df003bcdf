package org.adaptbench.datasets.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed reads of JSON object fields that fail with a {@link DatasetFormatException} naming the file,
 * the location ("line 3", "item 7") and the field ("choice.options[2]").
 */
public final class JsonFields {

    private final Path file;
    private final String location;
    private final String prefix;

    public JsonFields(Path file, String location) {
        this(file, location, "");
    }

    private JsonFields(Path file, String location, String prefix) {
        this.file = file;
        this.location = location;
        this.prefix = prefix;
    }

    /** Fields of an object nested under {@code field}, named "field.inner" in messages. */
    public JsonFields nested(String field) {
        return new JsonFields(file, location, name(field) + ".");
    }

    public Path file() {
        return file;
    }

    public String location() {
        return location;
    }

    /** The full name of {@code field} as messages print it. */
    public String name(String field) {
        return prefix + field;
    }

    public DatasetFormatException error(String field, String problem) {
        return new DatasetFormatException(file, location, field.isEmpty() ? "" : name(field), problem);
    }

    public String requireText(JsonNode object, String field) {
        JsonNode value = require(object, field);
        if (!value.isTextual()) {
            throw mistyped(field, "a string", value);
        }
        return value.textValue();
    }

    /** A string that must not be empty or blank (identifiers). */
    public String requireId(JsonNode object, String field) {
        String text = requireText(object, field);
        if (text.isBlank()) {
            throw error(field, "is blank");
        }
        return text;
    }

    public Optional<String> optionalText(JsonNode object, String field) {
        return present(object, field).map(value -> {
            if (!value.isTextual()) {
                throw mistyped(field, "a string", value);
            }
            return value.textValue();
        });
    }

    public long requireLong(JsonNode object, String field) {
        return toLong(field, require(object, field));
    }

    public Optional<Long> optionalLong(JsonNode object, String field) {
        return present(object, field).map(value -> toLong(field, value));
    }

    public int requireInt(JsonNode object, String field) {
        JsonNode value = require(object, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw mistyped(field, "an integer", value);
        }
        return value.intValue();
    }

    public Optional<Integer> optionalInt(JsonNode object, String field) {
        return present(object, field).map(value -> requireInt(object, field));
    }

    public Optional<Boolean> optionalBoolean(JsonNode object, String field) {
        return present(object, field).map(value -> {
            if (!value.isBoolean()) {
                throw mistyped(field, "true or false", value);
            }
            return value.booleanValue();
        });
    }

    public Optional<Double> optionalDouble(JsonNode object, String field) {
        return present(object, field).map(value -> {
            if (!value.isNumber()) {
                throw mistyped(field, "a number", value);
            }
            return value.doubleValue();
        });
    }

    public JsonNode requireObject(JsonNode object, String field) {
        JsonNode value = require(object, field);
        if (!value.isObject()) {
            throw mistyped(field, "an object", value);
        }
        return value;
    }

    public Optional<JsonNode> optionalObject(JsonNode object, String field) {
        return present(object, field).map(value -> requireObject(object, field));
    }

    public List<String> requireTextList(JsonNode object, String field) {
        return toTextList(field, require(object, field));
    }

    public Optional<List<String>> optionalTextList(JsonNode object, String field) {
        return present(object, field).map(value -> toTextList(field, value));
    }

    private List<String> toTextList(String field, JsonNode value) {
        if (!value.isArray()) {
            throw mistyped(field, "an array of strings", value);
        }
        List<String> texts = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw mistyped(field + "[" + i + "]", "a string", element);
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    private long toLong(String field, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw mistyped(field, "an integer", value);
        }
        return value.longValue();
    }

    /** The field's value, of any type, or an error naming it when it is absent or null. */
    public JsonNode require(JsonNode object, String field) {
        return present(object, field).orElseThrow(() -> error(field, "is missing"));
    }

    /** The field's value, or empty when it is absent or JSON null. */
    private static Optional<JsonNode> present(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private DatasetFormatException mistyped(String field, String expected, JsonNode found) {
        return error(field, "expected " + expected + ", found " + describe(found));
    }

    private static String describe(JsonNode value) {
        String type = value.getNodeType().name().toLowerCase(Locale.US);
        if (value.isNumber()) {
            return "number " + value.asText();
        }
        return type;
    }
}
