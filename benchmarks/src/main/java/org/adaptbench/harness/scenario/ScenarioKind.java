package org.adaptbench.harness.scenario;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.adaptbench.reports.results.ScenarioNames;

/** The scenarios of the comparison, one per claim, by their stable wire names; each entry creates its scenario. */
public enum ScenarioKind {
    GRANULARITY(ScenarioNames.GRANULARITY, GranularityScenario::new),
    ADAPTATION(ScenarioNames.ADAPTATION, AdaptationScenario::new),
    COST(ScenarioNames.COST, CostScenario::new),
    REVERSIBILITY(ScenarioNames.REVERSIBILITY, ReversibilityScenario::new),
    CONTEXT_LENGTH(ScenarioNames.CONTEXT_LENGTH, ContextLengthScenario::new),
    COMBINED(ScenarioNames.COMBINED, CombinedScenario::new),
    RETRIEVAL(ScenarioNames.RETRIEVAL, RetrievalScenario::new),
    LATENCY(ScenarioNames.LATENCY, LatencyScenario::new),
    DATA_SIZE(ScenarioNames.DATA_SIZE, DataSizeScenario::new),
    REGIMES(ScenarioNames.REGIMES, RegimesScenario::new);

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
