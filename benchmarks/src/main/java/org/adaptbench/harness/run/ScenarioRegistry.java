package org.adaptbench.harness.run;

import java.util.Optional;
import org.adaptbench.harness.scenario.CostScenario;
import org.adaptbench.harness.scenario.GranularityScenario;
import org.adaptbench.harness.scenario.LatencyScenario;
import org.adaptbench.harness.scenario.Scenario;
import org.adaptbench.harness.scenario.ScenarioKind;

/** Creates the scenario implementation of each {@link ScenarioKind}. */
final class ScenarioRegistry {

    private ScenarioRegistry() {
    }

    static Optional<Scenario> create(ScenarioKind kind) {
        return switch (kind) {
            case GRANULARITY -> Optional.of(new GranularityScenario());
            case COST -> Optional.of(new CostScenario());
            case LATENCY -> Optional.of(new LatencyScenario());
            default -> Optional.empty();
        };
    }
}
