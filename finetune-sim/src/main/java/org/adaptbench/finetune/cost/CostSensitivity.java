package org.adaptbench.finetune.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One-at-a-time sensitivity of the cost projection: for every assumption with a range, the
 * assumptions with that one at its low end and at its high end, every other at its value. A verdict
 * that holds in every variation holds across the assumption ranges; one that flips depends on the
 * assumptions whose ends flip it.
 */
public final class CostSensitivity {

    /** Which end of an assumption's range a variation takes. */
    public enum End {
        LOW, HIGH
    }

    /**
     * The assumptions with one of them moved to one end of its range.
     *
     * @param assumption the moved assumption's path in the file ("gpu.price_per_hour", "models.Llama-3.1-8B.input_price_per_million_tokens")
     * @param value the value it takes there
     */
    public record Variation(String assumption, End end, double value, CostAssumptions assumptions) {

        public Variation {
            Objects.requireNonNull(assumption, "assumption");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(assumptions, "assumptions");
        }
    }

    private final JsonNode tree;
    private final String source;

    private CostSensitivity(JsonNode tree, String source) {
        this.tree = tree;
        this.source = source;
    }

    /** The sensitivity of the assumptions bundled with this module. */
    public static CostSensitivity defaults() {
        return new CostSensitivity(CostAssumptions.defaultsTree(), CostAssumptions.RESOURCE);
    }

    /** The sensitivity of a file in the {@code cost-assumptions.json} format. */
    public static CostSensitivity read(Path file) {
        return new CostSensitivity(CostAssumptions.readTree(file), file.toString());
    }

    /** Every assumption at its value. */
    public CostAssumptions base() {
        return CostAssumptions.parse(tree, source);
    }

    /** Every ranged assumption at each end, the others at their values, in file order; {@code adjust} applied to each (e.g. measured figures). */
    public List<Variation> variations(UnaryOperator<CostAssumptions> adjust) {
        List<Variation> variations = new ArrayList<>();
        collect(tree, "", new ArrayList<>(), variations, adjust);
        return variations;
    }

    private void collect(JsonNode node, String path, List<Object> steps, List<Variation> out, UnaryOperator<CostAssumptions> adjust) {
        if (node.isObject() && node.has("value") && node.has("source")) {
            double value = node.get("value").asDouble();
            double low = node.path("low").asDouble(value);
            double high = node.path("high").asDouble(value);
            if (low < high) {
                out.add(new Variation(path, End.LOW, low, adjust.apply(moved(steps, low))));
                out.add(new Variation(path, End.HIGH, high, adjust.apply(moved(steps, high))));
            }
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                List<Object> next = new ArrayList<>(steps);
                next.add(field.getKey());
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), next, out, adjust);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> next = new ArrayList<>(steps);
                next.add(i);
                // models are named, so a path reads "models.Llama-3.1-8B.input_price_per_million_tokens"
                String name = node.get(i).path("name").asText(Integer.toString(i));
                collect(node.get(i), path + "." + name, next, out, adjust);
            }
        }
    }

    private CostAssumptions moved(List<Object> steps, double value) {
        JsonNode copy = tree.deepCopy();
        JsonNode at = copy;
        for (Object step : steps) {
            at = step instanceof Integer index ? at.get(index) : at.get((String) step);
        }
        ((ObjectNode) at).put("value", value);
        return CostAssumptions.parse(copy, source + " (" + steps + " = " + value + ")");
    }
}
