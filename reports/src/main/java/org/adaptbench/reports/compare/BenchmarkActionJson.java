package org.adaptbench.reports.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adaptbench.reports.results.Figures;

/**
 * The current side of a comparison in github-action-benchmark's custom format: an array of
 * {@code {name, unit, value, range?, extra?}}. That action takes one direction per file, so the
 * higher-is-better metrics ({@code tool: customBiggerIsBetter}) and the lower-is-better ones
 * ({@code tool: customSmallerIsBetter}) are rendered separately.
 */
public final class BenchmarkActionJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private BenchmarkActionJson() {
    }

    /** The metrics of the current input whose direction is {@code biggerIsBetter}, sorted by name. */
    public static String render(Comparison comparison, boolean biggerIsBetter) {
        ArrayNode entries = MAPPER.createArrayNode();
        comparison.metrics().stream()
                .filter(m -> m.current().isPresent() && m.higherIsBetter() == biggerIsBetter)
                .sorted(java.util.Comparator.comparing(MetricComparison::name))
                .forEach(metric -> {
                    Measurement current = metric.current().orElseThrow();
                    ObjectNode entry = entries.addObject();
                    entry.put("name", metric.name());
                    entry.put("unit", metric.unit());
                    entry.put("value", current.value());
                    if (current.intervalKnown() && !current.exact()) {
                        double halfWidth = Math.max(current.value() - current.ciLow(), current.ciHigh() - current.value());
                        entry.put("range", "± " + Figures.number(halfWidth));
                    }
                    entry.put("extra", extra(metric));
                });
        try {
            return MAPPER.writeValueAsString(entries) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the benchmark JSON", e);
        }
    }

    /**
     * Writes both files next to {@code json}: {@code x.json} gives {@code x-bigger-is-better.json} and
     * {@code x-smaller-is-better.json}; returns them in that order.
     */
    public static java.util.List<java.nio.file.Path> write(Comparison comparison, java.nio.file.Path json) {
        String name = json.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        java.nio.file.Path bigger = json.resolveSibling(stem + "-bigger-is-better.json");
        java.nio.file.Path smaller = json.resolveSibling(stem + "-smaller-is-better.json");
        org.adaptbench.reports.io.AtomicFiles.writeString(bigger, render(comparison, true));
        org.adaptbench.reports.io.AtomicFiles.writeString(smaller, render(comparison, false));
        return java.util.List.of(bigger, smaller);
    }

    private static String extra(MetricComparison metric) {
        StringBuilder extra = new StringBuilder();
        extra.append("current ").append(ComparisonMarkdown.figure(metric.current()));
        metric.baseline().ifPresent(b -> extra.append("; baseline ").append(ComparisonMarkdown.figure(metric.baseline())));
        metric.relativeChange().ifPresent(r -> extra.append("; change ").append(Figures.percent(r)));
        extra.append("; ").append(metric.change().name().toLowerCase(java.util.Locale.US).replace('_', ' '));
        extra.append("; ").append(metric.statistics());
        return extra.toString();
    }
}
