package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.registry.ApproachKind;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.approach.memory.MemoryApproach;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.replay.Replay;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.personalization.score.ScoreWeights;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * Does the memory find the right evidence? For every query with gold evidence turns (on any data
 * set, imported retrieval-only queries included), the share of its evidence turns behind the top-k
 * memories recalled for it, averaged per user. Measured with the default score and with each of its
 * terms switched off in turn (and similarity alone), which shows what each term buys.
 */
public final class RetrievalScenario implements Scenario {

    static final String EXPERIMENT = "retrieval";

    @Override
    public ScenarioKind kind() {
        return ScenarioKind.RETRIEVAL;
    }

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return context.runs(ApproachKind.MEMORY) && context.factory(workload).applicable(ApproachSpec.of(ApproachKind.MEMORY))
                && workload.evaluated().stream().flatMap(user -> user.queries().stream()).anyMatch(query -> !query.evidenceTurnIds().isEmpty());
    }

    /** The score variants measured: the default, each term off in turn, similarity alone. */
    static Map<String, ScoreWeights> variants() {
        String memory = ApproachKind.MEMORY.wireName();
        Map<String, ScoreWeights> variants = new LinkedHashMap<>();
        variants.put(memory, ScoreWeights.DEFAULTS);
        for (ScoreWeights.Term term : List.of(ScoreWeights.Term.RECENCY, ScoreWeights.Term.ACTIVATION, ScoreWeights.Term.CONFIDENCE)) {
            variants.put(memory + "/no-" + term.name().toLowerCase(java.util.Locale.ROOT), ScoreWeights.DEFAULTS.withWeight(term, 0));
        }
        variants.put(memory + "/similarity-only", ScoreWeights.similarityOnly());
        return variants;
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        List<Integer> ks = context.bench().config().retrieval().k();
        variants().forEach((name, weights) -> {
            CellResult cell = context.cell(EXPERIMENT, workload, name, () -> measure(context, workload, ks, name, weights));
            for (int k : ks) {
                double[] recall = cell.measurement("recall_at_" + k);
                if (recall.length > 0) {
                    output.metric(name, "recall_at_" + k, bootstrap.mean(recall, "fraction", true));
                }
            }
        });
        output.note("recall_at_k: share of a query's gold evidence turns behind the top-k recalled memories, per user; a memory "
                + "counts for every turn that created or reinforced it. memory/no-<term>: the same memory layer with that score term"
                + " switched off; memory/similarity-only: a plain vector search (ScoreWeights documents the terms).");
        return output;
    }

    private static CellResult measure(RunContext context, Workload workload, List<Integer> ks, String name, ScoreWeights weights) {
        Map<String, List<Double>> measurements = new LinkedHashMap<>();
        try (MemoryApproach memory = context.factory(workload).memoryApproach(name, weights)) {
            for (UserData user : workload.evaluated()) {
                Map<Integer, List<Double>> perK = new LinkedHashMap<>();
                List<Query> queries = user.queries().stream().filter(query -> !query.evidenceTurnIds().isEmpty()).toList();
                int next = 0;
                for (int turn = 0; turn <= user.history().size() && next < queries.size(); turn++) {
                    while (next < queries.size() && queries.get(next).visibleTurns() == turn) {
                        Query query = queries.get(next++);
                        String recallQuery = query.isMultipleChoice() ? MemoryApproach.recallQuery(query) : query.question();
                        for (int k : ks) {
                            Set<String> top = new HashSet<>(memory.recallSources(user.userId(), recallQuery, k));
                            long found = query.evidenceTurnIds().stream().filter(top::contains).count();
                            perK.computeIfAbsent(k, x -> new ArrayList<>()).add(found / (double) query.evidenceTurnIds().size());
                        }
                    }
                    if (turn < user.history().size()) {
                        Replay.deliver(memory, user.userId(), user.history().get(turn));
                    }
                }
                perK.forEach((k, values) -> measurements.computeIfAbsent("recall_at_" + k, n -> new ArrayList<>())
                        .add(values.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
            }
        }
        return new CellResult(List.of(), measurements, List.of());
    }
}
