package org.adaptbench.harness.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.scenario.ScenarioKind;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;

/**
 * A run before it starts: its configuration bound, every approach and scenario name checked against
 * its registry, every data set loaded (and so validated). Bad input fails here, before anything is
 * written.
 *
 * @param tree the resolved configuration, written verbatim into run.json and results.json
 */
public record RunPlan(ObjectNode tree, RunConfig config, List<ApproachSpec> approaches, List<ScenarioKind> scenarios,
        List<Workload> workloads) {

    public RunPlan {
        approaches = List.copyOf(approaches);
        scenarios = List.copyOf(scenarios);
        workloads = List.copyOf(workloads);
    }

    /** Binds and checks {@code tree} and loads its data sets. */
    public static RunPlan of(ObjectNode tree) {
        RunConfig config = RunConfig.of(tree);
        List<ApproachSpec> approaches = config.approaches().stream().map(ApproachSpec::parse).toList();
        List<ScenarioKind> scenarios = config.scenarios().stream().map(name -> ScenarioKind.parse(name).orElseThrow(
                () -> new UsageException("unknown scenario '" + name + "'; choose from " + ScenarioKind.allNames()))).toList();
        for (ApproachSpec retriever : approaches.stream().filter(spec -> spec.has(Capability.RETRIEVES)).toList()) {
            for (String ablation : config.retrieval().ablations()) {
                if (!retriever.kind().factory().accepts(ablation)) {
                    throw new UsageException("retrieval.ablations: " + retriever.kind().wireName() + " has no condition '" + ablation + "'");
                }
            }
        }
        List<Workload> workloads = config.datasets().stream().map(source -> Workloads.load(config, source)).toList();
        return new RunPlan(tree, config, approaches, scenarios, workloads);
    }
}
