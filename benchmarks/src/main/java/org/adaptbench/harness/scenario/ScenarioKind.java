package org.adaptbench.harness.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The scenarios of the comparison, one per claim, by their stable wire names. */
public enum ScenarioKind {
    GRANULARITY("granularity"),
    ADAPTATION("adaptation"),
    COST("cost"),
    REVERSIBILITY("reversibility"),
    CONTEXT_LENGTH("context-length"),
    COMBINED("combined"),
    RETRIEVAL("retrieval"),
    LATENCY("latency"),
    DATA_SIZE("data-size");

    private final String wireName;

    ScenarioKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ScenarioKind> parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.US);
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wanted)).findFirst();
    }

    public static String allNames() {
        return Arrays.stream(values()).map(ScenarioKind::wireName).collect(Collectors.joining(", "));
    }
}
