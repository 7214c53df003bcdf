package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.Effort;
import org.adaptbench.harness.approach.Response;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.cell.CellResult;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.replay.Replay;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.Sample;

/**
 * The central experiment: every evaluated user of a workload replayed through one approach, every
 * scored query answered where it is asked. Granularity, cost, latency, adaptation and combined all
 * read this one cell per approach.
 *
 * <p>Samples carry {@link #EXPERIMENT} as their scenario; the scenarios that read them relabel them.
 * Measurements (one value per evaluated user unless said otherwise):
 * {@code bytes_per_user}, {@code learn_ms} (extraction, writes and training while replaying),
 * {@code train_seconds} and {@code train_flops} (per-user training), {@code shared_train_seconds}
 * and {@code shared_train_flops} (one value: batch training before the replay), and per change of
 * preference {@code time_to_adapt_ms} (changes the approach adapted to) and {@code adapted} (1 or 0).
 */
public final class ReplayExperiment {

    public static final String EXPERIMENT = "replay";

    private ReplayExperiment() {
    }

    /** The replay of every evaluated user of the workload. */
    public static CellResult run(RunContext context, Workload workload, ApproachSpec spec) {
        return run(context, workload, spec, workload.evaluated(), EXPERIMENT);
    }

    /**
     * The replay of {@code users} (a subset of the evaluated users, for scenarios that cannot afford
     * all of them), saved under {@code experiment} so it never mixes with the full replay.
     */
    public static CellResult run(RunContext context, Workload workload, ApproachSpec spec, List<UserData> users, String experiment) {
        return context.cell(experiment, workload, spec.wireName(), () -> compute(context, workload, spec, users));
    }

    /** The replays of {@code specs(workload)} on each of {@code workloads}, as cells for {@link Scenario#cells}. */
    static List<Runnable> replays(RunContext context, java.util.Collection<Workload> workloads,
            java.util.function.Function<Workload, List<ApproachSpec>> specs) {
        List<Runnable> replays = new ArrayList<>();
        for (Workload workload : workloads) {
            specs.apply(workload).forEach(spec -> replays.add(() -> run(context, workload, spec)));
        }
        return replays;
    }

    private static CellResult compute(RunContext context, Workload workload, ApproachSpec spec, List<UserData> users) {
        List<Sample> samples = new ArrayList<>();
        Map<String, List<Double>> measurements = new HashMap<>();
        Progress progress = context.progress();
        try (Approach approach = context.create(spec, workload)) {
            Effort shared = approach.prepare(workload.dataset().users());
            if (shared.trainingSteps() > 0) {
                add(measurements, "shared_train_seconds", shared.computeNanos() / 1e9);
                add(measurements, "shared_train_flops", shared.trainingFlops());
            }
            try (Progress.Task task = progress.start(workload.name() + " · " + spec.wireName(), users.size())) {
                for (UserData user : users) {
                    UserListener listener = new UserListener(spec.wireName(), user);
                    Replay.of(user).queries(query -> workload.isEvaluated(user, query)).play(approach, listener);
                    samples.addAll(listener.samples);
                    add(measurements, MetricNames.BYTES_PER_USER, approach.bytesStored(user.userId()));
                    add(measurements, MetricNames.LEARN_MS, listener.learnNanos / 1e6);
                    add(measurements, MetricNames.TRAIN_SECONDS, listener.trainNanos / 1e9);
                    add(measurements, MetricNames.TRAIN_FLOPS, listener.trainFlops);
                    listener.adaptations.forEach(ms -> add(measurements, MetricNames.TIME_TO_ADAPT_MS, ms));
                    listener.changes.values().forEach(change -> add(measurements, "adapted", change.adapted ? 1 : 0));
                    task.advance();
                }
            }
        }
        return new CellResult(samples, measurements, List.of());
    }

    /** Upper bounds of the distance buckets (turns since a change) the adaptation timeline is drawn over. */
    static final int[] DISTANCE_BUCKETS = {1, 5, 10, 20, 40};

    /** The bucket a distance falls in: a handful of points with enough probes each, instead of one point per turn. */
    static int distanceBucket(int distance) {
        for (int bucket : DISTANCE_BUCKETS) {
            if (distance <= bucket) {
                return bucket;
            }
        }
        return DISTANCE_BUCKETS[DISTANCE_BUCKETS.length - 1] * 2;
    }

    private static void add(Map<String, List<Double>> measurements, String name, double value) {
        measurements.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** A change of preference and what became of it. */
    private static final class Change {
        final long timestamp;
        long computeNanos;
        long effectiveAt = Long.MIN_VALUE;
        boolean adapted;

        Change(long timestamp) {
            this.timestamp = timestamp;
        }
    }

    /** Collects one user's samples, costs and adaptation times. */
    private static final class UserListener implements Replay.Listener {

        private final String approach;
        private final Map<String, Integer> turnIndex = new HashMap<>();
        private final Map<Integer, Change> changes = new HashMap<>();
        final List<Sample> samples = new ArrayList<>();
        final List<Double> adaptations = new ArrayList<>();
        long learnNanos;
        long trainNanos;
        double trainFlops;

        UserListener(String approach, UserData user) {
            this.approach = approach;
            for (int i = 0; i < user.history().size(); i++) {
                turnIndex.put(user.history().get(i).turnId(), i);
            }
        }

        @Override
        public void delivered(UserData user, int index, Turn turn, Effort effort) {
            learnNanos += effort.computeNanos();
            if (effort.trainingSteps() > 0) {
                trainNanos += effort.computeNanos();
                trainFlops += effort.trainingFlops();
            }
            if (turn.label().kind() == TurnKind.CHANGE) {
                changes.put(index, new Change(turn.timestamp()));
            }
            // an update carries a change when it is the change's own write (memory, transcript), or a
            // training run that takes effect after it (training covers everything seen before)
            for (Map.Entry<Integer, Change> entry : changes.entrySet()) {
                Change change = entry.getValue();
                boolean own = entry.getKey() == index;
                boolean training = effort.trainingSteps() > 0;
                if (change.effectiveAt == Long.MIN_VALUE && effort.changedBehaviour() && (own || training)
                        && effort.effectiveAtMillis().getAsLong() >= change.timestamp) {
                    change.effectiveAt = effort.effectiveAtMillis().getAsLong();
                    change.computeNanos = effort.computeNanos();
                }
            }
        }

        @Override
        public void answered(UserData user, Query query, Response response) {
            boolean correct = response.decision().chosen() == query.correctIndex();
            String variant = "";
            Integer changeAt = query.evidenceTurnIds().isEmpty() ? null : turnIndex.get(query.evidenceTurnIds().get(0));
            Change change = changeAt == null ? null : changes.get(changeAt);
            if (change != null) {
                variant = "after_change_" + distanceBucket(query.visibleTurns() - 1 - changeAt);
                if (correct && !change.adapted && change.effectiveAt != Long.MIN_VALUE) {
                    change.adapted = true;
                    adaptations.add(Math.max(0, change.effectiveAt - change.timestamp) + change.computeNanos / 1e6
                            + response.latencyNanos() / 1e6);
                }
            }
            samples.add(new Sample(EXPERIMENT, approach, variant, user.userId(), query.queryId(), correct,
                    response.decision().chosen(), response.tokensAdded(), response.latencyNanos() / 1e6));
        }
    }
}
