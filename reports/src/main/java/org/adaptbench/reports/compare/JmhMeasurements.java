package org.adaptbench.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adaptbench.reports.results.ResultsFormatException;

/**
 * The scores of a JMH JSON result file ({@code -rf json}) as measurements.
 *
 * <p>A benchmark's name is {@code benchmark{param=value,...}:mode}; a secondary metric appends
 * {@code :name}, with the middle-dot prefix of older JMH ("·gc.alloc.rate") removed so both
 * spellings compare. Scores in {@code ops/<time>} are higher-is-better, everything else (time per
 * operation, bytes per operation, allocation rate, GC counts) lower-is-better. JMH's
 * {@code scoreConfidence} is a 99.9% interval; {@code rawData} (one score per iteration) and
 * {@code rawDataHistogram} (sample mode) become the samples.
 */
final class JmhMeasurements {

    /** Histogram rows are expanded into at most this many samples per benchmark. */
    private static final int MAX_HISTOGRAM_SAMPLES = 200_000;
    private static final List<String> SETTINGS = List.of(
            "jmhVersion", "jvm", "jdkVersion", "vmName", "vmVersion", "jvmArgs", "forks", "threads", "warmupIterations",
            "warmupTime", "warmupBatchSize", "measurementIterations", "measurementTime", "measurementBatchSize");

    private final Path file;
    private final List<String> warnings;

    private JmhMeasurements(Path file, List<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /** Reads the array of benchmark results; non-finite scores are skipped with a warning. */
    static MeasurementSet of(String source, Path file, JsonNode array, List<String> warnings) {
        return new JmhMeasurements(file, warnings).read(source, array);
    }

    private MeasurementSet read(String source, JsonNode array) {
        Map<String, Measurement> measurements = new TreeMap<>();
        Map<String, TreeSet<String>> settings = new TreeMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode benchmark = array.get(i);
            String at = "[" + i + "]";
            if (!benchmark.isObject()) {
                throw new ResultsFormatException(file, at, "expected a JMH benchmark result object");
            }
            String name = text(benchmark, "benchmark", at) + params(benchmark.get("params")) + ":" + text(benchmark, "mode", at);
            JsonNode primary = benchmark.get("primaryMetric");
            if (primary == null || !primary.isObject()) {
                throw new ResultsFormatException(file, at + ".primaryMetric", "missing");
            }
            add(measurements, metric(name, primary, at + ".primaryMetric"));
            JsonNode secondary = benchmark.get("secondaryMetrics");
            if (secondary != null && secondary.isObject()) {
                for (Map.Entry<String, JsonNode> entry : secondary.properties()) {
                    String secondaryName = name + ":" + normalize(entry.getKey());
                    add(measurements, metric(secondaryName, entry.getValue(), at + ".secondaryMetrics." + entry.getKey()));
                }
            }
            for (String setting : SETTINGS) {
                JsonNode value = benchmark.get(setting);
                if (value != null) {
                    settings.computeIfAbsent(setting, s -> new TreeSet<>()).add(value.isValueNode() ? value.asText() : value.toString());
                }
            }
        }
        Map<String, String> flat = new TreeMap<>();
        settings.forEach((key, values) -> flat.put(key, String.join(" | ", values)));
        return new MeasurementSet(source, MeasurementSet.JMH, measurements, flat);
    }

    /** "·gc.alloc.rate" (JMH before 1.37) and "gc.alloc.rate" name the same metric. */
    static String normalize(String secondaryName) {
        // "Â·" is the middle dot of a UTF-8 file decoded as Latin-1
        return secondaryName.replaceFirst("^\u00C2?\u00B7+", "").replaceFirst("^[^\\p{L}\\p{N}]+", "");
    }

    private static void add(Map<String, Measurement> measurements, Measurement measurement) {
        if (measurement != null) {
            measurements.put(measurement.name(), measurement);
        }
    }

    private Measurement metric(String name, JsonNode metric, String at) {
        double score = number(metric.get("score"), at + ".score");
        String unit = text(metric, "scoreUnit", at);
        if (!Double.isFinite(score)) {
            warnings.add(name + ": score is " + score + " in " + file + " — not compared");
            return null;
        }
        double[] samples = samples(metric, at);
        double low = score;
        double high = score;
        boolean intervalKnown = false;
        JsonNode confidence = metric.get("scoreConfidence");
        if (confidence != null && confidence.isArray() && confidence.size() == 2) {
            double a = number(confidence.get(0), at + ".scoreConfidence[0]");
            double b = number(confidence.get(1), at + ".scoreConfidence[1]");
            if (Double.isFinite(a) && Double.isFinite(b)) {
                low = Math.min(score, Math.min(a, b));
                high = Math.max(score, Math.max(a, b));
                intervalKnown = true;
            }
        }
        return new Measurement(name, unit, higherIsBetter(unit), score, low, high, intervalKnown, Math.max(1, samples.length), samples);
    }

    /** Throughput units ("ops/s", "ops/ms") improve upwards; every other JMH unit is a cost. */
    static boolean higherIsBetter(String unit) {
        return unit.toLowerCase(Locale.US).startsWith("ops/");
    }

    private double[] samples(JsonNode metric, String at) {
        List<Double> values = new ArrayList<>();
        JsonNode raw = metric.get("rawData");
        if (raw != null && raw.isArray()) {
            for (JsonNode fork : raw) {
                for (JsonNode iteration : fork) {
                    double value = number(iteration, at + ".rawData");
                    if (Double.isFinite(value)) {
                        values.add(value);
                    }
                }
            }
        }
        JsonNode histogram = metric.get("rawDataHistogram");
        if (values.isEmpty() && histogram != null && histogram.isArray()) {
            // sample mode: fork → iteration → [value, count] rows
            for (JsonNode fork : histogram) {
                for (JsonNode iteration : fork) {
                    for (JsonNode row : iteration) {
                        double value = number(row.get(0), at + ".rawDataHistogram");
                        long count = row.size() > 1 ? row.get(1).asLong() : 1;
                        for (long c = 0; c < count && values.size() < MAX_HISTOGRAM_SAMPLES && Double.isFinite(value); c++) {
                            values.add(value);
                        }
                    }
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A JSON number, or JMH's strings "NaN", "Infinity", "-Infinity" for scores it could not compute. */
    private double number(JsonNode node, String at) {
        if (node != null && node.isNumber()) {
            return node.asDouble();
        }
        if (node != null && node.isTextual()) {
            String text = node.asText().trim();
            return switch (text) {
                case "NaN" -> Double.NaN;
                case "Infinity", "+Infinity", "INF", "+INF" -> Double.POSITIVE_INFINITY;
                case "-Infinity", "-INF" -> Double.NEGATIVE_INFINITY;
                default -> parse(text, at);
            };
        }
        throw new ResultsFormatException(file, at, node == null ? "missing" : "expected a number, found " + node);
    }

    private double parse(String text, String at) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ResultsFormatException(file, at, "expected a number, found \"" + text + "\"");
        }
    }

    private String text(JsonNode parent, String field, String at) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual()) {
            throw new ResultsFormatException(file, at + "." + field, node == null ? "missing" : "expected a string");
        }
        return node.asText();
    }

    private static String params(JsonNode params) {
        if (params == null || !params.isObject() || params.isEmpty()) {
            return "";
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        params.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asText()));
        StringBuilder text = new StringBuilder("{");
        sorted.forEach((key, value) -> text.append(text.length() > 1 ? "," : "").append(key).append('=').append(value));
        return text.append('}').toString();
    }
}
