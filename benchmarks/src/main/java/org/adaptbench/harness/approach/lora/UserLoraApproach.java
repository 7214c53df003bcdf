package org.adaptbench.harness.approach.lora;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.UnmergeMode;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.strategy.AdapterNames;
import org.adaptbench.finetune.train.AdapterTrainer;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.AscentConfig;
import org.adaptbench.finetune.train.TrainedAdapter;
import org.adaptbench.finetune.unlearn.Unlearning;
import org.adaptbench.finetune.unlearn.UnlearningReport;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.DeletionRequest;
import org.adaptbench.harness.approach.Effort;
import org.adaptbench.harness.approach.OnDemandTraining;
import org.adaptbench.harness.approach.Response;
import org.adaptbench.harness.extraction.Lineage;
import org.adaptbench.harness.model.Decision;
import org.adaptbench.harness.model.EmbeddedAnswerModel;
import org.adaptbench.harness.model.Prompt;
import org.adaptbench.personalization.embed.Embedder;

/**
 * One LoRA adapter per user ("One PEFT Per User"), retrained on a cadence from that user's own
 * history (see {@link FineTuningData}), asked with an empty context, and reversed on a deletion
 * request by one {@link ReversalMethod}. Optionally the adapter is merged into the base weights for
 * serving, as a single-tenant deployment would.
 */
public final class UserLoraApproach implements Approach, OnDemandTraining {

    private final String name;
    private final AdapterRegistry registry;
    private final FineTuningData data;
    private final Lineage lineage;
    private final Embedder embedder;
    private final AdapterTrainingConfig training;
    private final AscentConfig ascent;
    private final Cadence cadence;
    private final ReversalMethod reversal;
    private final boolean merged;
    private final int maxExamples;
    private final Map<String, UserState> users = new HashMap<>();

    /** What the pipeline knows about one user. */
    private static final class UserState {
        final List<Turn> seen = new ArrayList<>();
        final Set<String> deleted = new LinkedHashSet<>();
        int eventsSinceTraining;
        boolean informativeSinceTraining;
        long trainedDay = Long.MIN_VALUE;
        /** Number of history turns the current adapter was trained on (never more than a query sees). */
        int trainedThrough;
        boolean hasAdapter;
        long adapterBytes;
    }

    public UserLoraApproach(String name, AdapterRegistry registry, FineTuningData data, Lineage lineage, Embedder embedder,
            AdapterTrainingConfig training, AscentConfig ascent, Cadence cadence, ReversalMethod reversal, boolean merged,
            int maxExamples) {
        this.name = name;
        this.registry = registry;
        this.data = data;
        this.lineage = lineage;
        this.embedder = embedder;
        this.training = training;
        this.ascent = ascent;
        this.cadence = cadence;
        this.reversal = reversal;
        this.merged = merged;
        this.maxExamples = maxExamples;
    }

    @Override
    public String name() {
        return name;
    }

    /** A turn the shared extractor reads as "forget ..." is acted on as a deletion request; any other is data. */
    @Override
    public Effort learn(String userId, Turn turn) {
        if (lineage.asksToForget(userId, turn)) {
            return forget(userId, new DeletionRequest(turn.turnId(), turn.text(), turn.timestamp()));
        }
        UserState state = users.computeIfAbsent(userId, id -> new UserState());
        Effort effort = Effort.NONE;
        if (cadence.nightly()) {
            long day = Cadence.day(turn.timestamp());
            if (state.trainedDay == Long.MIN_VALUE) {
                state.trainedDay = day;
            } else if (day > state.trainedDay) {
                // the nightly job ran at midnight on everything said before it
                state.trainedDay = day;
                if (state.informativeSinceTraining) {
                    effort = train(userId, state, Cadence.midnightOf(turn.timestamp()));
                }
            }
        }
        state.seen.add(turn);
        if (turn.role() == Role.USER) {
            state.eventsSinceTraining++;
            state.informativeSinceTraining |= data.informative(userId, turn);
        }
        if (!cadence.nightly() && state.eventsSinceTraining >= cadence.everyEvents() && state.informativeSinceTraining) {
            effort = effort.plus(train(userId, state, turn.timestamp()));
        }
        return effort;
    }

    /** Retrains the user's adapter now on everything seen, as a deployment would before serving. */
    @Override
    public Effort trainNow(String userId, long atMillis) {
        return train(userId, users.computeIfAbsent(userId, id -> new UserState()), atMillis);
    }

    @Override
    public Effort forget(String userId, DeletionRequest request) {
        UserState state = users.computeIfAbsent(userId, id -> new UserState());
        state.deleted.addAll(lineage.deletedTurns(userId, state.seen, request));
        String adapter = adapterName(userId);
        if (!state.hasAdapter) {
            return Effort.NONE;
        }
        Unlearning unlearning = new Unlearning(registry);
        List<LabelledExample> retained = data.examples(userId, state.seen, state.deleted, maxExamples);
        UnlearningReport report = switch (reversal) {
            case DETACH -> unlearning.detach(adapter);
            case RETRAIN -> retained.isEmpty() ? unlearning.detach(adapter) : unlearning.retrain(adapter, retained, training);
            case GRADIENT_ASCENT -> {
                List<LabelledExample> forgotten = forgottenExamples(userId, state);
                yield forgotten.isEmpty() ? unlearning.detach(adapter) : unlearning.gradientAscent(adapter, forgotten, retained, ascent);
            }
        };
        if (!registry.isAttached(adapter)) {
            state.hasAdapter = false;
            registry.delete(adapter);
        }
        return new Effort(report.wallNanos(), report.steps(), report.estimatedFlops(), java.util.OptionalLong.of(request.timestamp()));
    }

    @Override
    public Response answer(String userId, Query query) {
        long start = System.nanoTime();
        UserState state = users.computeIfAbsent(userId, id -> new UserState());
        if (state.trainedThrough > query.visibleTurns()) {
            throw new IllegalStateException(name + " trained on " + state.trainedThrough + " turns of " + userId
                    + " but query " + query.queryId() + " may only see " + query.visibleTurns());
        }
        Optional<String> adapter = Optional.empty();
        if (state.hasAdapter) {
            if (merged) {
                ensureMerged(adapterName(userId));
            } else {
                adapter = Optional.of(adapterName(userId));
            }
        } else if (merged) {
            ensureUnmerged();
        }
        Decision decision = new EmbeddedAnswerModel(registry.scorer(adapter), embedder)
                .decide(Prompt.withoutContext(query.question(), query.options()));
        return new Response(decision, 0, System.nanoTime() - start);
    }

    @Override
    public long bytesStored(String userId) {
        UserState state = users.get(userId);
        return state == null || !state.hasAdapter ? 0 : state.adapterBytes;
    }

    private Effort train(String userId, UserState state, long effectiveAt) {
        List<LabelledExample> examples = data.examples(userId, state.seen, state.deleted, maxExamples);
        state.eventsSinceTraining = 0;
        state.informativeSinceTraining = false;
        if (examples.isEmpty()) {
            return Effort.NONE;
        }
        String adapter = adapterName(userId);
        if (merged) {
            ensureUnmerged();
        }
        TrainedAdapter trained = AdapterTrainer.train(registry.base(), adapter, examples, training);
        registry.put(trained.adapter());
        state.hasAdapter = true;
        state.trainedThrough = state.seen.size();
        state.adapterBytes = trained.adapter().payloadBytes();
        return new Effort(trained.report().wallNanos(), trained.report().steps(), trained.report().estimatedFlops(),
                java.util.OptionalLong.of(effectiveAt));
    }

    private List<LabelledExample> forgottenExamples(String userId, UserState state) {
        List<Turn> onlyDeleted = state.seen.stream().filter(turn -> state.deleted.contains(turn.turnId())).toList();
        return data.examples(userId, onlyDeleted, Set.of(), maxExamples);
    }

    private void ensureMerged(String adapter) {
        Optional<String> current = registry.mergedAdapter();
        if (current.filter(adapter::equals).isPresent()) {
            return;
        }
        ensureUnmerged();
        registry.merge(adapter);
    }

    private void ensureUnmerged() {
        if (registry.mergedAdapter().isPresent()) {
            registry.unmerge(UnmergeMode.RESTORE);
        }
    }

    static String adapterName(String userId) {
        return AdapterNames.user(userId);
    }

    @Override
    public void close() {
        ensureUnmerged();
        registry.close();
    }
}
