package org.adaptbench.harness.run;

import org.adaptbench.harness.scenario.AdaptationScenario;
import org.adaptbench.harness.scenario.CombinedScenario;
import org.adaptbench.harness.scenario.ContextLengthScenario;
import org.adaptbench.harness.scenario.CostScenario;
import org.adaptbench.harness.scenario.DataSizeScenario;
import org.adaptbench.harness.scenario.GranularityScenario;
import org.adaptbench.harness.scenario.LatencyScenario;
import org.adaptbench.harness.scenario.RetrievalScenario;
import org.adaptbench.harness.scenario.ReversibilityScenario;
import org.adaptbench.harness.scenario.Scenario;
import org.adaptbench.harness.scenario.ScenarioKind;

/** Creates the scenario implementation of each {@link ScenarioKind}. */
final class ScenarioRegistry {

    private ScenarioRegistry() {
    }

    static Scenario create(ScenarioKind kind) {
        return switch (kind) {
            case GRANULARITY -> new GranularityScenario();
            case ADAPTATION -> new AdaptationScenario();
            case COST -> new CostScenario();
            case REVERSIBILITY -> new ReversibilityScenario();
            case CONTEXT_LENGTH -> new ContextLengthScenario();
            case COMBINED -> new CombinedScenario();
            case RETRIEVAL -> new RetrievalScenario();
            case LATENCY -> new LatencyScenario();
            case DATA_SIZE -> new DataSizeScenario();
        };
    }
}
