package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.EvidenceRecall;
import org.adaptbench.harness.approach.Sweep;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.replay.Replay;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * Does the memory find the right evidence? For every query with gold evidence turns (on any data
 * set, imported retrieval-only queries included), the share of its evidence turns behind the top-k
 * memories recalled for it, averaged per user. Measured for every approach that retrieves, under
 * each of its retrieval ablations (each score term switched off in turn, similarity alone), which
 * shows what each term buys.
 */
public final class RetrievalScenario implements Scenario {

    static final String EXPERIMENT = ScenarioNames.RETRIEVAL;

    /** The run's approaches that retrieve stored memories. */
    static List<ApproachSpec> retrievers(RunContext context, Workload workload) {
        return context.approaches(spec -> spec.has(Capability.RETRIEVES) && context.applicable(spec, workload));
    }

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return !retrievers(context, workload).isEmpty()
                && workload.evaluated().stream().flatMap(user -> user.queries().stream()).anyMatch(query -> !query.evidenceTurnIds().isEmpty());
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        List<Integer> ks = context.bench().config().retrieval().k();
        for (ApproachSpec retriever : retrievers(context, workload)) {
            for (ApproachSpec spec : retriever.sweep(Sweep.RETRIEVAL, context.approachContext(workload))) {
                CellResult cell = context.cell(EXPERIMENT, workload, spec.wireName(), () -> measure(context, workload, ks, spec));
                for (int k : ks) {
                    double[] recall = cell.measurement(MetricNames.recallAt(k));
                    if (recall.length > 0) {
                        output.metric(spec.wireName(), MetricNames.recallAt(k), bootstrap.mean(recall, Units.FRACTION, true));
                    }
                }
            }
        }
        output.note("recall_at_k: share of a query's gold evidence turns behind the top-k recalled memories, per user; a memory "
                + "counts for every turn that created or reinforced it. memory/no-<term>: the same memory layer with that score term"
                + " switched off; memory/similarity-only: a plain vector search (ScoreWeights documents the terms).");
        return output;
    }

    private static CellResult measure(RunContext context, Workload workload, List<Integer> ks, ApproachSpec spec) {
        Map<String, List<Double>> measurements = new LinkedHashMap<>();
        try (Approach approach = context.create(spec, workload)) {
            EvidenceRecall recall = approach.role(EvidenceRecall.class).orElseThrow(() -> new IllegalStateException(
                    spec.wireName() + " declares " + Capability.RETRIEVES + " but cannot recall evidence"));
            for (UserData user : workload.evaluated()) {
                Map<Integer, List<Double>> perK = new LinkedHashMap<>();
                Replay.of(user).queries(query -> !query.evidenceTurnIds().isEmpty()).retrievalOnly().play(approach, new Replay.Listener() {
                    @Override
                    public void reached(UserData u, Query query) {
                        for (int k : ks) {
                            Set<String> top = new HashSet<>(recall.recallSources(u.userId(), query, k));
                            long found = query.evidenceTurnIds().stream().filter(top::contains).count();
                            perK.computeIfAbsent(k, x -> new ArrayList<>()).add(found / (double) query.evidenceTurnIds().size());
                        }
                    }
                });
                perK.forEach((k, values) -> measurements.computeIfAbsent(MetricNames.recallAt(k), n -> new ArrayList<>())
                        .add(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
            }
        }
        return new CellResult(List.of(), measurements, List.of());
    }
}
