package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.ContextPreview;
import org.adaptbench.harness.approach.EvidenceRecall;
import org.adaptbench.harness.approach.Sweep;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.llm.ChatQuestionAnswerer;
import org.adaptbench.harness.metrics.LatencyMetrics;
import org.adaptbench.harness.metrics.TokenF1;
import org.adaptbench.harness.replay.Replay;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.personalization.context.TokenCounter;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * Does the memory find the right evidence? For every query with gold evidence turns (on any data
 * set: LoCoMo, imported retrieval-only queries, the synthetic world), the share of its evidence turns
 * behind the memories recalled in its top k, k counted in dialogue turns so that the unit of storage
 * cannot buy recall (a memory spanning several turns spends that many). Beside it: the tokens of
 * those top-k memories, recall within what a context of a fixed token budget shows, the search time
 * per query, and the tokens per request of every approach that injects context. Measured for every
 * approach that retrieves, under each of its retrieval ablations.
 *
 * <p>Overall figures leave out unanswerable (adversarial) queries; per query group (LoCoMo's
 * categories) they are reported with the group as a suffix when a data set has at most
 * {@value #MAX_GROUPS} groups. Intervals resample queries.
 */
public final class RetrievalScenario implements Scenario {

    static final String EXPERIMENT = ScenarioNames.RETRIEVAL;

    /** Context budgets at which recall is measured on what the model would be shown. */
    static final List<Integer> BUDGETS = List.of(256, 1024);

    /** Data sets with more query groups than this (the synthetic world's dimension=option) get no per-group figures. */
    static final int MAX_GROUPS = 10;

    private static final String LATENCY = "search_ms";
    private static final String QA_LATENCY = "qa_ms";
    private static final String TOKENS = MetricNames.TOKENS_PER_REQUEST;

    /** The run's approaches that retrieve stored memories. */
    static List<ApproachSpec> retrievers(RunContext context, Workload workload) {
        return context.approaches(spec -> spec.has(Capability.RETRIEVES) && context.applicable(spec, workload));
    }

    /** The run's approaches that inject context but do not retrieve (full context): measured for tokens per request only. */
    static List<ApproachSpec> injectors(RunContext context, Workload workload) {
        return context.approaches(spec -> spec.has(Capability.READS_CONTEXT) && !spec.has(Capability.RETRIEVES)
                && !spec.has(Capability.CHANGES_WEIGHTS) && context.applicable(spec, workload));
    }

    static Set<String> groups(Workload workload) {
        Set<String> groups = new TreeSet<>();
        workload.evaluated().forEach(user -> user.queries().stream().filter(RetrievalScenario::scored).forEach(q -> groups.add(q.group())));
        return groups;
    }

    /** Per-group figures for data sets with a few named groups (LoCoMo's categories), not the synthetic world's many. */
    static boolean perGroup(Workload workload) {
        Set<String> groups = groups(workload);
        return groups.size() > 1 && groups.size() <= MAX_GROUPS && !groups.contains("");
    }

    static boolean scored(Query query) {
        return !query.evidenceTurnIds().isEmpty();
    }

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return !retrievers(context, workload).isEmpty()
                && workload.evaluated().stream().flatMap(user -> user.queries().stream()).anyMatch(RetrievalScenario::scored);
    }

    @Override
    public List<Runnable> cells(RunContext context, Workload workload) {
        List<Integer> ks = context.bench().config().retrieval().k();
        Set<String> groups = groups(workload);
        boolean perGroup = perGroup(workload);
        List<Runnable> cells = new ArrayList<>();
        measured(context, workload).forEach(spec -> cells.add(() -> context.cell(EXPERIMENT, workload, spec.wireName(),
                () -> measure(context, workload, ks, groups, perGroup, spec))));
        injectors(context, workload).forEach(spec -> cells.add(() -> context.cell(EXPERIMENT, workload, spec.wireName(),
                () -> transcriptTokens(context, workload, spec))));
        return cells;
    }

    /** Every retriever of the run under each of its retrieval ablations. */
    private static List<ApproachSpec> measured(RunContext context, Workload workload) {
        List<ApproachSpec> measured = new ArrayList<>();
        for (ApproachSpec retriever : retrievers(context, workload)) {
            measured.addAll(retriever.sweep(Sweep.RETRIEVAL, context.approachContext(workload)));
        }
        return measured;
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        List<Integer> ks = context.bench().config().retrieval().k();
        Set<String> groups = groups(workload);
        boolean perGroup = perGroup(workload);
        List<ApproachSpec> measured = measured(context, workload);
        context.prefetch(cells(context, workload));
        for (ApproachSpec spec : measured) {
            CellResult cell = context.cell(EXPERIMENT, workload, spec.wireName(), () -> measure(context, workload, ks, groups, perGroup, spec));
            for (String name : cell.measurements().keySet()) {
                double[] values = cell.measurement(name);
                if (values.length == 0) {
                    continue;
                }
                boolean tokenCount = name.equals(TOKENS) || ks.stream().anyMatch(k -> name.equals(MetricNames.retrievedTokensAt(k)));
                if (name.equals(LATENCY)) {
                    output.metrics(spec.wireName(), new LatencyMetrics(bootstrap).summarize(values));
                } else if (name.equals(QA_LATENCY)) {
                    output.metric(spec.wireName(), MetricNames.QA_LATENCY_P50_MS, bootstrap.quantile(values, 0.5, Units.MS, false));
                } else if (tokenCount) {
                    output.metric(spec.wireName(), name, bootstrap.mean(values, Units.TOKENS, false));
                } else {
                    output.metric(spec.wireName(), name, bootstrap.mean(values, Units.FRACTION, true));
                }
            }
        }
        for (ApproachSpec spec : injectors(context, workload)) {
            CellResult cell = context.cell(EXPERIMENT, workload, spec.wireName(), () -> transcriptTokens(context, workload, spec));
            for (String name : cell.measurements().keySet()) {
                double[] values = cell.measurement(name);
                if (values.length == 0) {
                    continue;
                }
                if (name.equals(QA_LATENCY)) {
                    output.metric(spec.wireName(), MetricNames.QA_LATENCY_P50_MS, bootstrap.quantile(values, 0.5, Units.MS, false));
                } else {
                    output.metric(spec.wireName(), name, name.equals(TOKENS) ? bootstrap.mean(values, Units.TOKENS, false)
                            : bootstrap.mean(values, Units.FRACTION, true));
                }
            }
        }
        workload.dataset().notes().forEach(output::note);
        output.note("recall_at_k: share of a query's gold evidence turns behind the top-k recalled memories, k counted in dialogue turns"
                + " (a memory spanning several turns spends that many; a preference or a one-turn episode spends one), over queries with"
                + " evidence that are not unanswerable; a memory counts for every turn that created or reinforced it."
                + (perGroup ? " recall_at_k_<group>: the same per query group (LoCoMo: category_1 ... category_5; category_5 is"
                        + " adversarial and in no overall figure)." : "")
                + " retrieved_tokens_at_k: cl100k tokens of those memories' texts. recall_within_N_tokens: recall over what a context"
                + " of N tokens shows (preferences first, then episodes, as the model would be shown them). latency_*: one search"
                + " (query embedding cached, dense and BM25 searches, fusion). tokens_per_request: the context injected at the run's"
                + " memory.token_budget (full-context: the whole transcript). Intervals resample queries. memory/<condition>: the same"
                + " memory layer with one part switched (dense-only, bm25-only, no-recency-activation, no-recency, no-activation,"
                + " no-confidence, the other fusion, no-neighbour: without the neighbour term, no-turn-context: episodes stored"
                + " without the turn before them (neither its words in the index nor the neighbour term), no-episodes: preferences"
                + " only; similarity-only: a plain vector search)."
                + (context.bench().llm().isPresent() ? " qa_f1: with --llm, the model answers each answerable question from what the"
                        + " approach shows (memory: its context at memory.token_budget; full-context: the whole conversation), token F1"
                        + " against the gold answer (lower-cased, punctuation and articles removed, no stemming); qa_latency_p50_ms: one"
                        + " model call." : ""));
        return output;
    }

    private static CellResult measure(RunContext context, Workload workload, List<Integer> ks, Set<String> groups, boolean perGroup,
            ApproachSpec spec) {
        Map<String, List<Double>> measurements = new LinkedHashMap<>();
        TokenCounter tokens = context.bench().tokens();
        int depth = ks.stream().mapToInt(Integer::intValue).max().orElse(1);
        int budget = context.bench().config().memory().tokenBudget();
        List<Integer> budgets = new ArrayList<>(BUDGETS);
        budgets.add(budget);
        // question answering costs a model call per query: the plain approach only, not every ablation
        Optional<ChatQuestionAnswerer> answerer = spec.condition().isEmpty() ? context.bench().questionAnswerer() : Optional.empty();
        try (Approach approach = context.create(spec, workload)) {
            EvidenceRecall recall = approach.role(EvidenceRecall.class).orElseThrow(() -> new IllegalStateException(
                    spec.wireName() + " declares " + Capability.RETRIEVES + " but cannot recall evidence"));
            ContextPreview preview = approach.role(ContextPreview.class).orElseThrow(() -> new IllegalStateException(
                    spec.wireName() + " declares " + Capability.RETRIEVES + " but cannot show its context"));
            for (UserData user : workload.evaluated()) {
                Replay.of(user).queries(RetrievalScenario::scored).retrievalOnly().play(approach, new Replay.Listener() {
                    @Override
                    public void reached(UserData u, Query query) {
                        List<EvidenceRecall.Recalled> ranked = recall.recall(u.userId(), query, depth);
                        // timed a second time, so the query's embedding is cached (the first condition would pay it)
                        long start = System.nanoTime();
                        recall.recall(u.userId(), query, depth);
                        add(measurements, LATENCY, (System.nanoTime() - start) / 1e6);
                        for (int k : ks) {
                            Set<String> found = new HashSet<>();
                            int spent = 0;
                            int retrievedTokens = 0;
                            for (EvidenceRecall.Recalled memory : ranked) {
                                if (spent + memory.turnsSpanned() > k) {
                                    break;
                                }
                                spent += memory.turnsSpanned();
                                found.addAll(memory.turnIds());
                                retrievedTokens += tokens.count(memory.text());
                            }
                            double share = share(query, found);
                            if (perGroup) {
                                add(measurements, MetricNames.atPoint(MetricNames.recallAt(k), query.group()), share);
                            }
                            if (!query.unanswerable()) {
                                add(measurements, MetricNames.recallAt(k), share);
                                add(measurements, MetricNames.retrievedTokensAt(k), retrievedTokens);
                            }
                        }
                        if (!query.unanswerable()) {
                            // one preview for the fixed budgets and the run's: the recall behind them is the same
                            List<ContextPreview.Shown> shownAt = preview.preview(u.userId(), query, budgets);
                            for (int i = 0; i < BUDGETS.size(); i++) {
                                add(measurements, MetricNames.recallWithinTokens(BUDGETS.get(i)),
                                        share(query, new HashSet<>(shownAt.get(i).turnIds())));
                            }
                            ContextPreview.Shown shown = shownAt.get(BUDGETS.size());
                            add(measurements, TOKENS, shown.tokens());
                            answerer.ifPresent(model -> answer(measurements, model, shown, query, perGroup));
                        }
                    }
                });
            }
        }
        return new CellResult(List.of(), measurements, List.of());
    }

    /** LoCoMo's question answering: the model answers from what the approach shows; token F1 against the gold answer. */
    private static void answer(Map<String, List<Double>> measurements, ChatQuestionAnswerer model, ContextPreview.Shown shown, Query query,
            boolean perGroup) {
        if (!query.hasAnswer()) {
            return;
        }
        long start = System.nanoTime();
        double f1 = TokenF1.of(model.answer(shown.text(), query.question()), query.answer());
        add(measurements, QA_LATENCY, (System.nanoTime() - start) / 1e6);
        add(measurements, MetricNames.QA_F1, f1);
        if (perGroup) {
            add(measurements, MetricNames.atPoint(MetricNames.QA_F1, query.group()), f1);
        }
    }

    /** Tokens of what a context-injecting approach that does not retrieve sends with each scored query. */
    private static CellResult transcriptTokens(RunContext context, Workload workload, ApproachSpec spec) {
        Map<String, List<Double>> measurements = new LinkedHashMap<>();
        int budget = context.bench().config().memory().tokenBudget();
        Optional<ChatQuestionAnswerer> answerer = context.bench().questionAnswerer();
        boolean perGroup = perGroup(workload);
        try (Approach approach = context.create(spec, workload)) {
            ContextPreview preview = approach.role(ContextPreview.class).orElse(null);
            if (preview == null) {
                return new CellResult(List.of(), measurements, List.of());
            }
            for (UserData user : workload.evaluated()) {
                Replay.of(user).queries(q -> scored(q) && !q.unanswerable()).retrievalOnly().play(approach, new Replay.Listener() {
                    @Override
                    public void reached(UserData u, Query query) {
                        ContextPreview.Shown shown = preview.preview(u.userId(), query, List.of(budget)).get(0);
                        add(measurements, TOKENS, shown.tokens());
                        answerer.ifPresent(model -> answer(measurements, model, shown, query, perGroup));
                    }
                });
            }
        }
        return new CellResult(List.of(), measurements, List.of());
    }

    private static double share(Query query, Set<String> found) {
        long hits = query.evidenceTurnIds().stream().filter(found::contains).count();
        return hits / (double) query.evidenceTurnIds().size();
    }

    private static void add(Map<String, List<Double>> measurements, String name, double value) {
        measurements.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    @Override
    public String toString() {
        return String.format(Locale.US, "%s scenario", EXPERIMENT);
    }
}
