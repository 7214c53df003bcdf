package org.adaptbench.harness.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The scenarios of the comparison, one per claim, by their stable wire names; each entry creates its scenario. */
public enum ScenarioKind {
    GRANULARITY("granularity", GranularityScenario::new),
    ADAPTATION("adaptation", AdaptationScenario::new),
    COST("cost", CostScenario::new),
    REVERSIBILITY("reversibility", ReversibilityScenario::new),
    CONTEXT_LENGTH("context-length", ContextLengthScenario::new),
    COMBINED("combined", CombinedScenario::new),
    RETRIEVAL("retrieval", RetrievalScenario::new),
    LATENCY("latency", LatencyScenario::new),
    DATA_SIZE("data-size", DataSizeScenario::new);

    private final String wireName;
    private final Supplier<Scenario> factory;

    ScenarioKind(String wireName, Supplier<Scenario> factory) {
        this.wireName = wireName;
        this.factory = factory;
    }

    public String wireName() {
        return wireName;
    }

    /** A new instance of the scenario. */
    public Scenario create() {
        return factory.get();
    }

    public static Optional<ScenarioKind> parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.US);
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wanted)).findFirst();
    }

    /** Every wire name, in registry order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ScenarioKind::wireName).toList();
    }

    public static String allNames() {
        return String.join(", ", wireNames());
    }
}
