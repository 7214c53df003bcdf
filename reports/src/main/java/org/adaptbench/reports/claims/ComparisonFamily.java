package org.adaptbench.reports.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.reports.stats.Holm;

/**
 * Every paired comparison the claims table tests, as one family under the Holm–Bonferroni correction.
 * The table is judged twice: the first pass collects each comparison's raw p-value, the second reads
 * the adjusted ones, so a verdict's significance accounts for every other test in the table.
 */
final class ComparisonFamily {

    /** Family-wise error rate the claims table controls. */
    static final double ALPHA = 0.05;

    /** The correction in one sentence, for rules and reports. */
    static final String CORRECTION = "p-values Holm–Bonferroni adjusted over every paired comparison of the claims table"
            + " (family-wise error 5%)";

    private final Map<String, Double> raw = new LinkedHashMap<>();
    private final Map<String, Double> adjusted;

    private ComparisonFamily(Map<String, Double> adjusted) {
        this.adjusted = adjusted;
    }

    /** The first pass: collects raw p-values and answers with them. */
    static ComparisonFamily collecting() {
        return new ComparisonFamily(null);
    }

    /** The second pass: the Holm-adjusted p-values of every comparison the first pass collected. */
    ComparisonFamily adjusted() {
        List<String> keys = new ArrayList<>(raw.keySet());
        double[] p = Holm.adjust(keys.stream().map(raw::get).toList());
        Map<String, Double> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), p[i]);
        }
        return new ComparisonFamily(byKey);
    }

    /** The p-value of comparison {@code key} (unique within the table) as the verdict uses it: adjusted once known. */
    double p(String key, double rawP) {
        raw.put(key, rawP);
        return adjusted == null ? rawP : adjusted.getOrDefault(key, rawP);
    }

    /** How many comparisons the family holds. */
    int size() {
        return adjusted == null ? raw.size() : adjusted.size();
    }
}
