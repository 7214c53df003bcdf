package org.adaptbench.harness.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.cell.RunDirectory;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.metrics.AccuracyMetrics;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.run.Runner;
import org.adaptbench.harness.scenario.GranularityScenario;
import org.adaptbench.harness.scenario.ReplayExperiment;
import org.adaptbench.harness.scenario.ScenarioOutput;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.harness.workload.QueryIndex;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Units;

/**
 * The tuning protocol: for every {@link Side}, the same number of trials — the suite's own values,
 * then seeded draws from each knob's declared values (no combination twice) — each replayed on the
 * validation world and scored by the mean validation accuracy of the side's approaches. The evaluation
 * world is never built. Each trial's replays are cells under {@code out/trials/<side>-<n>/}.
 */
public final class TuningSearch {

    /** Folder of the output directory that holds each trial's cells. */
    public static final String TRIALS = "trials";
    /** Draws tried for a combination not drawn before, before the space counts as exhausted. */
    static final int MAX_REDRAWS = 256;
    private static final String PURPOSE = "tuning/";

    /**
     * How large the search is and the world it is scored on.
     *
     * @param budget trials per side, the suite's own values included
     * @param users users of the validation world (the population shared adapters train on)
     * @param eventsPerUser events per validation user
     * @param evaluated validation users scored (0: all)
     */
    public record Settings(int budget, int users, int eventsPerUser, int evaluated) {

        public static final int MAX_BUDGET = 64;

        public Settings {
            if (budget < 1 || budget > MAX_BUDGET) {
                throw new UsageException("--budget must be 1.." + MAX_BUDGET + " trials per side, was " + budget);
            }
            if (users < 2) {
                throw new UsageException("--users must be at least 2, was " + users);
            }
            if (eventsPerUser < 4) {
                throw new UsageException("--events must be at least 4, was " + eventsPerUser);
            }
            if (evaluated < 0 || evaluated > users) {
                throw new UsageException("--evaluated must be 0.." + users + " (0: all validation users), was " + evaluated);
            }
        }
    }

    private final ConfigResolver resolver;
    private final String suite;
    private final Map<String, String> overrides;
    private final Settings settings;
    private final CachingEmbedder embedder;
    private final Progress progress;

    /**
     * @param overrides the caller's {@code --set} values (and seed), applied before each trial's knob values: a knob set here
     *     is trial 0's value, which the draws of the other trials replace
     * @param embedder shared by every trial, so each distinct text is embedded once per search
     */
    public TuningSearch(ConfigResolver resolver, String suite, Map<String, String> overrides, Settings settings, Embedder embedder,
            Progress progress) {
        this.resolver = resolver;
        this.suite = suite;
        this.overrides = Map.copyOf(overrides);
        this.settings = settings;
        this.embedder = embedder instanceof CachingEmbedder caching ? caching : new CachingEmbedder(embedder);
        this.progress = progress;
        RunConfig config = RunConfig.of(resolver.resolve(suite, overrides));
        for (Side side : Side.values()) {
            for (Knob knob : side.knobs()) {
                incumbent(config.tree(), knob); // a path missing from the suites file fails here, before anything runs
            }
        }
    }

    /** Checks that {@code out} holds no earlier search, so nothing half-written mixes with another search. */
    public static void checkOutput(Path out) {
        if (Files.exists(out.resolve(TuningTable.JSON)) || Files.exists(out.resolve(TRIALS))) {
            throw new UsageException(out + " already holds a tuning search; choose another --out");
        }
    }

    /** Runs every trial of every side and returns the table (not yet written). */
    public TuningTable run(Path out) {
        checkOutput(out);
        ObjectNode base = resolver.resolve(suite, overrides);
        RunConfig baseConfig = RunConfig.of(base);
        Workload world = Workloads.validation(baseConfig, settings.users(), settings.eventsPerUser(), settings.evaluated());
        progress.log(String.format(java.util.Locale.US, "tuning: validation world of %d users (%d scored, %d events each),"
                + " %d trials per side, seed %d", world.dataset().users().size(), world.scoredUsers().size(),
                settings.eventsPerUser(), settings.budget(), baseConfig.seed()));
        Map<String, MetricValue> controls = controls(baseConfig, world);
        Evaluated reference = evaluate(Map.of(), List.of(ApproachNames.NONE), out.resolve(TRIALS).resolve("reference"));
        List<TuningTable.SideResult> sides = new ArrayList<>();
        for (Side side : Side.values()) {
            sides.add(search(side, base, out));
        }
        return new TuningTable(suite, baseConfig.seed(), settings, world.dataset().contentHash(),
                reference.accuracy.get(ApproachNames.NONE).items(), controls, reference.accuracy, reference.agreement, reference.fit, sides);
    }

    private TuningTable.SideResult search(Side side, ObjectNode base, Path out) {
        List<Map<Knob, String>> draws = draws(side, base, settings.budget(), RunConfig.of(base).seed());
        List<Trial> trials = new ArrayList<>();
        List<Map<String, List<Sample>>> samples = new ArrayList<>();
        for (int i = 0; i < draws.size(); i++) {
            Map<String, String> values = new LinkedHashMap<>();
            draws.get(i).forEach((knob, value) -> values.put(knob.path(), value));
            progress.log("tuning: " + side.wireName() + " trial " + i + " " + values);
            long start = System.nanoTime();
            Evaluated evaluated = evaluate(values, side.approaches(), out.resolve(TRIALS).resolve(side.wireName() + "-" + i));
            double score = side.approaches().stream().mapToDouble(name -> evaluated.accuracy.get(name).value()).average().orElseThrow();
            Trial trial = new Trial(side, i, new TreeMap<>(values), evaluated.accuracy, evaluated.agreement, evaluated.fit, evaluated.tokens, score,
                    (System.nanoTime() - start) / 1e9);
            progress.log(String.format(java.util.Locale.US, "tuning: %s trial %d scored %.3f in %.0f s", side.wireName(), i, score,
                    trial.seconds()));
            trials.add(trial);
            samples.add(evaluated.samples);
        }
        int best = 0;
        for (int i = 1; i < trials.size(); i++) {
            if (trials.get(i).score() > trials.get(best).score()) { // ties keep the earlier trial, the incumbent first
                best = i;
            }
        }
        Map<String, MetricValue> lift = new LinkedHashMap<>();
        if (best != 0) {
            RunConfig config = RunConfig.of(base);
            Workload world = Workloads.validation(config, settings.users(), settings.eventsPerUser(), settings.evaluated());
            try (Bench bench = new Bench(config, embedder, Optional.empty(), progress)) {
                QueryIndex queries = new QueryIndex(world);
                for (String approach : side.approaches()) {
                    bench.accuracy(PURPOSE + "lift/" + approach, queries)
                            .lift(samples.get(best).get(approach), samples.get(0).get(approach))
                            .ifPresent(value -> lift.put(approach, value));
                }
            }
        }
        return new TuningTable.SideResult(side, trials, best, lift);
    }

    /**
     * The side's trials' knob values: the suite's own first, then draws seeded by trial, each knob
     * uniform over its declared values, never a combination already in the list.
     */
    static List<Map<Knob, String>> draws(Side side, ObjectNode base, int budget, long seed) {
        List<Map<Knob, String>> draws = new ArrayList<>();
        Set<List<BigDecimal>> seen = new HashSet<>();
        Map<Knob, String> incumbent = new LinkedHashMap<>();
        side.knobs().forEach(knob -> incumbent.put(knob, incumbent(base, knob)));
        draws.add(incumbent);
        seen.add(key(incumbent));
        for (int trial = 1; trial < budget; trial++) {
            SplittableRandom random = Seeds.random(seed, PURPOSE + side.wireName(), trial);
            Map<Knob, String> draw = null;
            for (int attempt = 0; attempt < MAX_REDRAWS && draw == null; attempt++) {
                Map<Knob, String> candidate = new LinkedHashMap<>();
                side.knobs().forEach(knob -> candidate.put(knob, knob.candidates().get(random.nextInt(knob.candidates().size()))));
                if (seen.add(key(candidate))) {
                    draw = candidate;
                }
            }
            if (draw == null) {
                throw new UsageException("--budget " + budget + ": the " + side.wireName() + " side's knobs have fewer than "
                        + budget + " distinct combinations");
            }
            draws.add(draw);
        }
        return draws;
    }

    /** The knob's value in the resolved configuration, as JSON text. */
    static String incumbent(JsonNode tree, Knob knob) {
        JsonNode value = tree.at("/" + knob.path().replace('.', '/'));
        if (!value.isNumber()) {
            throw new IllegalStateException("suites.json has no number at " + knob.path() + ", which the tuning search tunes");
        }
        return value.toString();
    }

    /** Values compared as numbers, so 8 and 8.0 are one combination. */
    private static List<BigDecimal> key(Map<Knob, String> values) {
        return values.values().stream().map(value -> new BigDecimal(value).stripTrailingZeros()).toList();
    }

    private record Evaluated(Map<String, MetricValue> accuracy, Map<String, MetricValue> agreement, Map<String, MetricValue> fit,
            Map<String, Double> tokens, Map<String, List<Sample>> samples) {
    }

    /** Replays {@code approaches} on the validation world of the configuration with {@code values} set. */
    private Evaluated evaluate(Map<String, String> values, List<String> approaches, Path dir) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.putAll(values);
        ObjectNode tree = resolver.resolve(suite, all);
        RunConfig config = RunConfig.of(tree);
        Workload world = Workloads.validation(config, settings.users(), settings.eventsPerUser(), settings.evaluated());
        List<ApproachSpec> specs = approaches.stream().map(ApproachSpec::parse).toList();
        RunDirectory directory = RunDirectory.create(dir, new RunDirectory.Identity(tree,
                Map.of(world.name(), world.dataset().contentHash()), org.adaptbench.harness.cell.CodeVersion.current()));
        Optional<Path> stores = config.memory().durable() ? Optional.of(dir.resolve(Runner.STORES)) : Optional.empty();
        Map<String, MetricValue> accuracy = new LinkedHashMap<>();
        Map<String, MetricValue> agreement = new LinkedHashMap<>();
        Map<String, MetricValue> fit = new LinkedHashMap<>();
        Map<String, Double> tokens = new LinkedHashMap<>();
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        try (Bench bench = new Bench(config, embedder, Optional.empty(), progress);
                RunContext context = new RunContext(bench, directory, specs, stores)) {
            QueryIndex queries = new QueryIndex(world);
            for (ApproachSpec spec : specs) {
                List<Sample> replayed = ReplayExperiment.run(context, world, spec).samples();
                samples.put(spec.wireName(), replayed);
                // the same bootstrap seed for an approach in every trial: trials differ by their knobs only
                AccuracyMetrics metrics = bench.accuracy(PURPOSE + spec.wireName(), queries);
                accuracy.put(spec.wireName(), metrics.mean(replayed).orElseThrow(
                        () -> new UsageException("the validation world has no scored query; give more --events or --users")));
                agreement.put(spec.wireName(), majorityAgreement(bench, spec.wireName(), queries, replayed));
                tokens.put(spec.wireName(), replayed.stream().mapToDouble(Sample::tokensAdded).average().orElse(0));
                if (spec.has(Capability.BATCH_TRAINED) || spec.has(Capability.REFERENCE)) {
                    fit.put(spec.wireName(), TrainingFit.majorityAgreement(context, world, spec,
                            bench.bootstrap(PURPOSE + "training-fit/" + spec.wireName())));
                }
            }
        }
        stores.ifPresent(Runner::removeIfEmpty);
        return new Evaluated(accuracy, agreement, fit, tokens, samples);
    }

    /**
     * The share of each user's answers that are the question's majority answer, averaged over users: 1.0
     * for an answerer that learned the population's majority answers, whatever the user.
     */
    static MetricValue majorityAgreement(Bench bench, String approach, QueryIndex queries, List<Sample> samples) {
        Map<String, double[]> perUser = new TreeMap<>();
        for (Sample sample : samples) {
            double[] counts = perUser.computeIfAbsent(sample.userId(), id -> new double[2]);
            counts[0] += sample.chosen() == queries.majorityOption(sample.queryId()) ? 1 : 0;
            counts[1]++;
        }
        double[] shares = perUser.values().stream().mapToDouble(counts -> counts[0] / counts[1]).toArray();
        return bench.bootstrap(PURPOSE + "majority-agreement/" + approach).mean(shares, Units.FRACTION, true);
    }

    /** Chance and the majority-option ceiling over the validation world's scored queries, as the granularity scenario has them. */
    private Map<String, MetricValue> controls(RunConfig config, Workload world) {
        ScenarioOutput output = new ScenarioOutput();
        try (Bench bench = new Bench(config, embedder, Optional.empty(), progress)) {
            GranularityScenario.controls(world, bench.bootstrap(PURPOSE + "controls"), output);
        }
        Map<String, MetricValue> controls = new LinkedHashMap<>();
        for (String control : List.of(ApproachNames.CHANCE, ApproachNames.MAJORITY_CEILING)) {
            MetricValue value = output.metrics().getOrDefault(control, Map.of()).get(MetricNames.ACCURACY);
            if (value != null) {
                controls.put(control, value);
            }
        }
        return controls;
    }
}
