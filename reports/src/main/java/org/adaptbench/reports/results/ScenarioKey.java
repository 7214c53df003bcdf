package org.adaptbench.reports.results;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A scenario key of {@code results.json}: a base scenario name plus, when one run covers several
 * data sets, the data set it was measured on ({@code granularity@prefeval}).
 *
 * @param base the scenario name of DESIGN.md (ScenarioNames.GRANULARITY, ScenarioNames.COST, ...)
 * @param dataset the data set suffix, "" when the key has none
 */
public record ScenarioKey(String base, String dataset) {

    private static final char SEPARATOR = '@';

    /** The scenarios of DESIGN.md in the order a report presents them. */
    public static final List<String> BASES = List.of(
            ScenarioNames.GRANULARITY, ScenarioNames.ADAPTATION, ScenarioNames.COST, ScenarioNames.REVERSIBILITY, ScenarioNames.CONTEXT_LENGTH, ScenarioNames.COMBINED, ScenarioNames.RETRIEVAL, ScenarioNames.LATENCY, ScenarioNames.DATA_SIZE, ScenarioNames.REGIMES);

    /** Reading order over scenario keys: known scenarios first as listed, each data set after the plain key. */
    public static final Comparator<String> ORDER = Comparator
            .comparingInt((String key) -> {
                int index = BASES.indexOf(parse(key).base());
                return index < 0 ? BASES.size() : index;
            })
            .thenComparing(key -> parse(key).base())
            .thenComparing(key -> parse(key).dataset());

    public ScenarioKey {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(dataset, "dataset");
        if (base.isEmpty() || base.indexOf(SEPARATOR) >= 0 || dataset.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("bad scenario key parts: '" + base + "', '" + dataset + "'");
        }
    }

    /** Splits {@code granularity@prefeval} into its base and data set; a key without '@' has data set "". */
    public static ScenarioKey parse(String key) {
        int at = key.indexOf(SEPARATOR);
        return at < 0 ? new ScenarioKey(key, "") : new ScenarioKey(key.substring(0, at), key.substring(at + 1));
    }

    /** The key as written in {@code results.json}. */
    public String key() {
        return dataset.isEmpty() ? base : base + SEPARATOR + dataset;
    }

    /** The key for people: {@code granularity (prefeval)}. */
    public String label() {
        return dataset.isEmpty() ? base : base + " (" + dataset + ")";
    }
}
