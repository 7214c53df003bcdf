package org.adaptbench.reports.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Checks a parsed {@code results.json} tree field by field before it is mapped onto {@link Results},
 * so a bad file fails with the path of the bad field rather than a mapping stack trace.
 *
 * <p>Optional collections a hand-written or older file may leave out (series, distributions, notes,
 * claims, hashes, environment) are filled in as empty; measured figures are never defaulted.
 */
final class ResultsValidator {

    private static final String[] METRIC_NUMBERS = {"value", "ci_low", "ci_high"};
    private static final String[] POINT_NUMBERS = {"x", "y", "ci_low", "ci_high"};

    private final Path file;

    private ResultsValidator(Path file) {
        this.file = file;
    }

    /** Validates {@code tree} in place (filling absent optional fields) or throws naming the field. */
    static void check(Path file, ObjectNode tree) {
        new ResultsValidator(file).checkTop(tree);
    }

    private void checkTop(ObjectNode tree) {
        text(tree, "run_id", "run_id");
        defaultTo(tree, "config", tree.objectNode());
        object(tree.get("config"), "config");
        if (!tree.hasNonNull("git_sha")) {
            tree.put("git_sha", "unknown");
        }
        text(tree, "git_sha", "git_sha");
        for (String name : new String[] {"dataset_hashes", "environment"}) {
            defaultTo(tree, name, tree.objectNode());
            for (Map.Entry<String, JsonNode> entry : entries(object(tree.get(name), name))) {
                if (!entry.getValue().isTextual()) {
                    fail(name + "." + entry.getKey(), "expected a string");
                }
            }
        }
        defaultTo(tree, "claims", tree.arrayNode());
        checkClaims(array(tree.get("claims"), "claims"));
        defaultTo(tree, "notes", tree.arrayNode());
        JsonNode notes = array(tree.get("notes"), "notes");
        for (int i = 0; i < notes.size(); i++) {
            if (!notes.get(i).isTextual()) {
                fail("notes[" + i + "]", "expected a string");
            }
        }
        if (!tree.has("scenarios")) {
            fail("scenarios", "missing (a results file without measurements has \"scenarios\": {})");
        }
        checkScenarios(object(tree.get("scenarios"), "scenarios"));
        defaultTo(tree, "series", tree.objectNode());
        checkSeries(object(tree.get("series"), "series"));
        defaultTo(tree, "approaches", tree.arrayNode());
        checkApproaches(array(tree.get("approaches"), "approaches"));
        defaultTo(tree, "distributions", tree.objectNode());
        checkDistributions(object(tree.get("distributions"), "distributions"));
    }

    /** Claims' text fields must be strings; the structured basis is optional (files before it have none). */
    private void checkClaims(JsonNode claims) {
        for (int i = 0; i < claims.size(); i++) {
            String path = "claims[" + i + "]";
            JsonNode claim = object(claims.get(i), path);
            for (String field : new String[] {"id", "statement", "evidence", "rule", "verdict"}) {
                text(claim, field, path + "." + field);
            }
            JsonNode basis = claim.get("basis");
            if (basis == null || basis.isNull()) {
                continue;
            }
            object(basis, path + ".basis");
            JsonNode deciding = basis.get("deciding");
            if (deciding != null && !deciding.isNull()) {
                checkClaimFigure(deciding, path + ".basis.deciding");
            }
            JsonNode why = basis.get("why");
            if (why != null && !why.isNull() && !why.isTextual()) {
                fail(path + ".basis.why", "expected a string, found " + why);
            }
            JsonNode figures = basis.get("figures");
            if (figures != null && !figures.isNull()) {
                array(figures, path + ".basis.figures");
                for (int f = 0; f < figures.size(); f++) {
                    checkClaimFigure(figures.get(f), path + ".basis.figures[" + f + "]");
                }
            }
        }
    }

    private void checkClaimFigure(JsonNode figure, String path) {
        object(figure, path);
        for (String field : new String[] {"label", "subject", "opponent", "metric", "unit"}) {
            text(figure, field, path + "." + field);
        }
        double[] numbers = new double[METRIC_NUMBERS.length];
        for (int i = 0; i < METRIC_NUMBERS.length; i++) {
            numbers[i] = finite(figure, METRIC_NUMBERS[i], path);
        }
        count(figure, "n", path);
        JsonNode items = figure.get("distinct_items");
        if (items != null && !items.isNull()) {
            count(figure, "distinct_items", path);
        }
        JsonNode p = figure.get("p_value");
        if (p != null && !p.isNull() && (!p.isNumber() || !(p.asDouble() >= 0 && p.asDouble() <= 1))) {
            fail(path + ".p_value", "expected a probability in [0, 1], found " + p);
        }
        checkInterval(numbers, path);
    }

    private void checkScenarios(JsonNode scenarios) {
        for (Map.Entry<String, JsonNode> scenario : entries(scenarios)) {
            String scenarioPath = "scenarios." + scenario.getKey();
            scenarioKey(scenario.getKey(), scenarioPath);
            for (Map.Entry<String, JsonNode> approach : entries(object(scenario.getValue(), scenarioPath))) {
                String approachPath = scenarioPath + "." + approach.getKey();
                for (Map.Entry<String, JsonNode> metric : entries(object(approach.getValue(), approachPath))) {
                    checkMetric(metric.getValue(), approachPath + "." + metric.getKey());
                }
            }
        }
    }

    private void checkMetric(JsonNode metric, String path) {
        object(metric, path);
        double[] numbers = new double[METRIC_NUMBERS.length];
        for (int i = 0; i < METRIC_NUMBERS.length; i++) {
            numbers[i] = finite(metric, METRIC_NUMBERS[i], path);
        }
        count(metric, "n", path);
        text(metric, "unit", path + ".unit");
        bool(metric, "higher_is_better", path);
        // files from before items and intervals were recorded read as "not counted" and "unstated"
        defaultTo((ObjectNode) metric, "items", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(0L));
        JsonNode items = metric.get("items");
        if (!items.isIntegralNumber() || !items.canConvertToLong() || items.asLong() < 0) {
            fail(path + ".items", "expected a whole number of at least 0, found " + items);
        }
        defaultTo((ObjectNode) metric, "interval", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(Intervals.UNSTATED));
        if (!metric.get("interval").isTextual()) {
            fail(path + ".interval", "expected a string");
        }
        JsonNode p = metric.get("p_value");
        if (p != null && !p.isNull() && (!p.isNumber() || !(p.asDouble() >= 0 && p.asDouble() <= 1))) {
            fail(path + ".p_value", "expected a probability in [0, 1], found " + p);
        }
        checkInterval(numbers, path);
    }

    /** {@code numbers} is value, ci_low, ci_high. */
    private void checkInterval(double[] numbers, String path) {
        double tolerance = 1e-9 * Math.abs(numbers[0]);
        if (numbers[1] > numbers[0] + tolerance || numbers[2] < numbers[0] - tolerance) {
            fail(path, String.format(java.util.Locale.US, "confidence interval [%s, %s] does not contain the value %s",
                    numbers[1], numbers[2], numbers[0]));
        }
    }

    private void checkSeries(JsonNode series) {
        for (Map.Entry<String, JsonNode> scenario : entries(series)) {
            String scenarioPath = "series." + scenario.getKey();
            scenarioKey(scenario.getKey(), scenarioPath);
            for (Map.Entry<String, JsonNode> chart : entries(object(scenario.getValue(), scenarioPath))) {
                String chartPath = scenarioPath + "." + chart.getKey();
                JsonNode node = object(chart.getValue(), chartPath);
                text(node, "x_label", chartPath + ".x_label");
                text(node, "y_label", chartPath + ".y_label");
                bool(node, "higher_is_better", chartPath);
                if (!node.has("lines")) {
                    fail(chartPath + ".lines", "missing");
                }
                for (Map.Entry<String, JsonNode> line : entries(object(node.get("lines"), chartPath + ".lines"))) {
                    String linePath = chartPath + ".lines." + line.getKey();
                    JsonNode points = array(line.getValue(), linePath);
                    for (int i = 0; i < points.size(); i++) {
                        String pointPath = linePath + "[" + i + "]";
                        object(points.get(i), pointPath);
                        for (String field : POINT_NUMBERS) {
                            finite(points.get(i), field, pointPath);
                        }
                        count(points.get(i), "n", pointPath);
                    }
                }
            }
        }
    }

    private void checkApproaches(JsonNode approaches) {
        for (int i = 0; i < approaches.size(); i++) {
            String path = "approaches[" + i + "]";
            JsonNode approach = object(approaches.get(i), path);
            if (!approach.path("name").isTextual() || approach.path("name").asText().isBlank()) {
                fail(path + ".name", "expected a non-empty string");
            }
            JsonNode capabilities = array(approach.get("capabilities"), path + ".capabilities");
            for (int c = 0; c < capabilities.size(); c++) {
                if (!capabilities.get(c).isTextual()) {
                    fail(path + ".capabilities[" + c + "]", "expected a string");
                }
            }
        }
    }

    private void checkDistributions(JsonNode distributions) {
        for (Map.Entry<String, JsonNode> scenario : entries(distributions)) {
            String scenarioPath = "distributions." + scenario.getKey();
            scenarioKey(scenario.getKey(), scenarioPath);
            for (Map.Entry<String, JsonNode> approach : entries(object(scenario.getValue(), scenarioPath))) {
                String approachPath = scenarioPath + "." + approach.getKey();
                for (Map.Entry<String, JsonNode> values : entries(object(approach.getValue(), approachPath))) {
                    String valuesPath = approachPath + "." + values.getKey();
                    JsonNode array = array(values.getValue(), valuesPath);
                    for (int i = 0; i < array.size(); i++) {
                        finiteNumber(array.get(i), valuesPath + "[" + i + "]");
                    }
                }
            }
        }
    }

    private void scenarioKey(String key, String path) {
        try {
            ScenarioKey.parse(key);
        } catch (IllegalArgumentException e) {
            fail(path, "not a scenario key (name or name@dataset)");
        }
    }

    private double finite(JsonNode parent, String field, String parentPath) {
        String path = parentPath + "." + field;
        if (!parent.has(field) || parent.get(field).isNull()) {
            fail(path, "missing");
        }
        return finiteNumber(parent.get(field), path);
    }

    private double finiteNumber(JsonNode node, String path) {
        if (node.isTextual()) {
            fail(path, "expected a finite number, found the string \"" + node.asText() + "\""
                    + (isNonFiniteSpelling(node.asText()) ? " (NaN and infinities are not allowed)" : ""));
        }
        if (!node.isNumber()) {
            fail(path, "expected a finite number, found " + node.getNodeType().toString().toLowerCase(java.util.Locale.US));
        }
        double value = node.asDouble();
        if (!Double.isFinite(value)) {
            fail(path, "expected a finite number, found " + node);
        }
        return value;
    }

    private static boolean isNonFiniteSpelling(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.US);
        return t.equals("nan") || t.endsWith("inf") || t.endsWith("infinity");
    }

    private void count(JsonNode parent, String field, String parentPath) {
        String path = parentPath + "." + field;
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            fail(path, "missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
            fail(path, "expected a whole number of at least 1, found " + node);
        }
    }

    private void bool(JsonNode parent, String field, String parentPath) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isBoolean()) {
            fail(parentPath + "." + field, node == null ? "missing" : "expected true or false, found " + node);
        }
    }

    private void text(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            fail(path, node == null ? "missing" : "expected a string, found " + node);
        }
    }

    private JsonNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            fail(path, "expected a JSON object");
        }
        return node;
    }

    private JsonNode array(JsonNode node, String path) {
        if (node == null || !node.isArray()) {
            fail(path, "expected a JSON array");
        }
        return node;
    }

    private static void defaultTo(ObjectNode tree, String field, JsonNode empty) {
        if (!tree.hasNonNull(field)) {
            tree.set(field, empty);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        return node.properties();
    }

    private void fail(String field, String problem) {
        throw new ResultsFormatException(file, field, problem);
    }
}
