package org.adaptbench.reports.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One cell of a map over conditions (the regimes scenario: user agreement × data per user × change
 * rate). A map is stored as a scenario whose "approaches" are cell keys, {@code axis=value} pairs
 * joined by commas in axis order ({@code agreement=0.8,events=20,change_rate=0.05}); the first axis
 * is a heatmap's x, the second its y, the rest one panel each.
 *
 * @param axes axis name → value, in axis order
 */
public record RegimeCell(Map<String, String> axes) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern VALUE = Pattern.compile("[^,=\\s]+");

    public RegimeCell {
        Objects.requireNonNull(axes, "axes");
        if (axes.size() < 2) {
            throw new IllegalArgumentException("a map cell needs at least two axes: " + axes);
        }
        axes.forEach((name, value) -> {
            if (!NAME.matcher(name).matches() || !VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("bad map cell axis '" + name + "=" + value + "'");
            }
        });
        axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    /** The key as results.json writes it. */
    public String key() {
        List<String> pairs = new ArrayList<>();
        axes.forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join(",", pairs);
    }

    /** The cell a key names, or empty when the key is not a cell key (an ordinary approach name). */
    public static Optional<RegimeCell> parse(String key) {
        Map<String, String> axes = new LinkedHashMap<>();
        for (String pair : key.split(",", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (!NAME.matcher(name).matches() || !VALUE.matcher(value).matches() || axes.put(name, value) != null) {
                return Optional.empty();
            }
        }
        return axes.size() < 2 ? Optional.empty() : Optional.of(new RegimeCell(axes));
    }

    /** Whether every approach key of a scenario is a cell key: the scenario is a map. */
    public static boolean isMap(Map<String, ?> byApproach) {
        return !byApproach.isEmpty() && byApproach.keySet().stream().allMatch(key -> parse(key).isPresent());
    }
}
