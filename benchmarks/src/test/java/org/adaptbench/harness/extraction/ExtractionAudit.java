package org.adaptbench.harness.extraction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.synthetic.Dimension;
import org.adaptbench.datasets.synthetic.DimensionCatalogue;
import org.adaptbench.datasets.synthetic.PreferenceOption;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.embed.Vectors;
import org.adaptbench.personalization.extract.ConversationTurn;
import org.adaptbench.personalization.extract.Extraction;
import org.adaptbench.personalization.extract.PreferenceExtractor;
import org.adaptbench.personalization.extract.PreferenceSignal;
import org.adaptbench.personalization.store.Memory;

/**
 * Replays every user's history of a labelled data set through a {@link PersonalMemory} (turn by
 * turn, as the harness does) and scores what its extractor found against each turn's
 * {@link TurnLabel}, then the memories left at the end against the preferences the labels leave
 * active.
 *
 * <p>A turn is <em>detected</em> when the extractor emits any signal for it, and a true positive
 * when it carries a preference and one signal has the action its label asks for (forget for a
 * deletion, remember otherwise). The option a text stands for is the labelled dimension's option
 * whose catalogue description is nearest to it (cosine of embeddings).
 */
final class ExtractionAudit {

    /** Counts for the turns of one label kind. */
    static final class KindCounts {
        int turns;
        int detected;
        int correctAction;
        int slotCorrect;
        int optionJudged;
        int optionCorrect;
    }

    private final Embedder embedder;
    private final DimensionCatalogue dimensions;
    private final Map<String, List<float[]>> optionVectors = new HashMap<>();
    private final Map<TurnKind, KindCounts> kinds = new EnumMap<>(TurnKind.class);
    private final Map<String, Integer> errorCounts = new TreeMap<>();
    private final Map<String, List<String>> errorExamples = new TreeMap<>();
    private final int errorsKept;
    private int detectedTurns;
    private int forgetTurns;
    private int activeTruth;
    private int activeFound;
    private int activeOptionCorrect;
    private int memoriesLeft;
    private int memoriesOnActiveSlot;
    private int users;
    private int exactUsers;

    private ExtractionAudit(Embedder embedder, DimensionCatalogue dimensions, int errorsKept) {
        this.embedder = embedder;
        this.dimensions = dimensions;
        this.errorsKept = errorsKept;
        for (Dimension dimension : dimensions.dimensions()) {
            optionVectors.put(dimension.name(), embedder.embedAll(dimension.options().stream().map(PreferenceOption::description).toList()));
        }
        for (TurnKind kind : TurnKind.values()) {
            kinds.put(kind, new KindCounts());
        }
    }

    /**
     * Audits {@code extractor} over every user of {@code dataset}.
     *
     * @param memory builds a fresh memory layer around the given extractor and clock
     * @param errorsKept examples kept per kind of error, for diagnosis (0: none)
     */
    static ExtractionAudit run(Dataset dataset, DimensionCatalogue dimensions, Embedder embedder, PreferenceExtractor extractor,
            MemoryFactory memory, int errorsKept) {
        ExtractionAudit audit = new ExtractionAudit(embedder, dimensions, errorsKept);
        AtomicReference<Extraction> last = new AtomicReference<>(Extraction.NOTHING);
        PreferenceExtractor recording = (userId, turn) -> {
            Extraction extraction = extractor.extract(userId, turn);
            last.set(extraction);
            return extraction;
        };
        ManualClock clock = new ManualClock(Instant.EPOCH);
        try (PersonalMemory layer = memory.create(recording, clock)) {
            for (UserData user : dataset.users()) {
                Map<String, String> active = new TreeMap<>();
                for (Turn turn : user.history()) {
                    clock.set(Instant.ofEpochMilli(turn.timestamp()));
                    last.set(Extraction.NOTHING);
                    ConversationTurn seen = MemoryTurns.of(turn);
                    layer.observe(user.userId(), seen);
                    audit.score(user.userId(), turn, seen, last.get().signals());
                    apply(active, turn.label());
                }
                // users stay in the layer: a hard delete would also drop their texts from the shared embedding cache
                audit.scoreEndState(user.userId(), active, layer.memories(user.userId()));
            }
        }
        return audit;
    }

    /** Builds the memory layer under audit. */
    @FunctionalInterface
    interface MemoryFactory {
        PersonalMemory create(PreferenceExtractor extractor, ManualClock clock);
    }

    /** The ground truth: which option of which dimension the labels leave active. */
    private static void apply(Map<String, String> active, TurnLabel label) {
        switch (label.kind()) {
            case STATEMENT, CHANGE, IMPLICIT_CHOICE, IMPLICIT_FEEDBACK -> active.put(label.dimension(), label.option());
            case DELETION -> active.remove(label.dimension());
            default -> {
            }
        }
    }

    private void score(String userId, Turn turn, ConversationTurn seen, List<PreferenceSignal> signals) {
        TurnLabel label = turn.label();
        boolean forget = signals.stream().anyMatch(s -> s.action() == PreferenceSignal.Action.FORGET);
        detectedTurns += signals.isEmpty() ? 0 : 1;
        forgetTurns += forget ? 1 : 0;
        if (turn.role() != Role.USER) {
            // the assistant's turns are observed too, but only what users say is counted per label
            if (!signals.isEmpty()) {
                error("false signal on an assistant turn", seen, signals);
            }
            return;
        }
        KindCounts counts = kinds.get(label.kind());
        counts.turns++;
        counts.detected += signals.isEmpty() ? 0 : 1;
        if (!label.carriesPreference()) {
            if (!signals.isEmpty()) {
                error("false signal on " + label.kind(), seen, signals);
            }
            return;
        }
        PreferenceSignal.Action expected = label.kind() == TurnKind.DELETION ? PreferenceSignal.Action.FORGET : PreferenceSignal.Action.REMEMBER;
        PreferenceSignal signal = signals.stream().filter(s -> s.action() == expected).findFirst().orElse(null);
        if (signal == null) {
            error((signals.isEmpty() ? "missed " : "wrong action on ") + label.kind(), seen, signals);
            return;
        }
        if (label.kind() != TurnKind.DELETION && forget) {
            error("extra forget on " + label.kind(), seen, signals);
        }
        counts.correctAction++;
        if (signal.slot().equals(label.dimension())) {
            counts.slotCorrect++;
        } else {
            error("wrong slot on " + label.kind() + " (label " + label.dimension() + ")", seen, signals);
        }
        if (expected == PreferenceSignal.Action.REMEMBER) {
            counts.optionJudged++;
            String option = nearestOption(userId, label.dimension(), signal.statement());
            if (option.equals(label.option())) {
                counts.optionCorrect++;
            } else {
                error("option " + option + " for " + label.kind() + " (label " + label.option() + ")", seen, signals);
            }
        }
    }

    private void scoreEndState(String userId, Map<String, String> active, List<Memory> memories) {
        users++;
        activeTruth += active.size();
        memoriesLeft += memories.size();
        Map<String, Memory> bySlot = new TreeMap<>();
        for (Memory memory : memories) {
            if (active.containsKey(memory.slot())) {
                memoriesOnActiveSlot++;
                bySlot.put(memory.slot(), memory);
            }
        }
        int right = 0;
        for (Map.Entry<String, String> preference : active.entrySet()) {
            Memory memory = bySlot.get(preference.getKey());
            if (memory != null) {
                activeFound++;
                if (nearestOption(userId, preference.getKey(), memory.text()).equals(preference.getValue())) {
                    activeOptionCorrect++;
                    right++;
                }
            }
        }
        exactUsers += right == active.size() && memories.size() == active.size() ? 1 : 0;
    }

    private String nearestOption(String userId, String dimensionName, String text) {
        Dimension dimension = dimensions.dimension(dimensionName)
                .orElseThrow(() -> new IllegalArgumentException("label names unknown dimension " + dimensionName));
        float[] vector = embedder.embedFor(userId, text);
        List<float[]> options = optionVectors.get(dimensionName);
        int best = 0;
        for (int i = 1; i < options.size(); i++) {
            if (Vectors.dot(vector, options.get(i)) > Vectors.dot(vector, options.get(best))) {
                best = i;
            }
        }
        return dimension.options().get(best).name();
    }

    private void error(String kind, ConversationTurn seen, List<PreferenceSignal> signals) {
        errorCounts.merge(kind, 1, Integer::sum);
        List<String> examples = errorExamples.computeIfAbsent(kind, k -> new ArrayList<>());
        if (examples.size() < errorsKept) {
            String text = seen.chosenOption().map(o -> seen.text() + " -> " + o).orElse(seen.text());
            examples.add(text + "  =>  " + signals.stream().map(s -> s.action() + "[" + s.slot() + "] " + s.statement()).toList());
        }
    }

    // ---- figures --------------------------------------------------------------------------------

    int preferenceTurns() {
        return kinds.entrySet().stream().filter(e -> carries(e.getKey())).mapToInt(e -> e.getValue().turns).sum();
    }

    int truePositiveTurns() {
        return kinds.entrySet().stream().filter(e -> carries(e.getKey())).mapToInt(e -> e.getValue().correctAction).sum();
    }

    double detectionPrecision() {
        return ratio(truePositiveTurns(), detectedTurns);
    }

    double detectionRecall() {
        return ratio(truePositiveTurns(), preferenceTurns());
    }

    double recall(TurnKind kind) {
        return ratio(kinds.get(kind).correctAction, kinds.get(kind).turns);
    }

    /** Share of the users' filler turns that yielded any signal. */
    double fillerFalseSignalRate() {
        return ratio(kinds.get(TurnKind.FILLER).detected, kinds.get(TurnKind.FILLER).turns);
    }

    double slotAccuracy() {
        return ratio(sum(c -> c.slotCorrect), truePositiveTurns());
    }

    double slotAccuracy(TurnKind kind) {
        return ratio(kinds.get(kind).slotCorrect, kinds.get(kind).correctAction);
    }

    double optionAccuracy() {
        return ratio(sum(c -> c.optionCorrect), sum(c -> c.optionJudged));
    }

    double optionAccuracy(TurnKind kind) {
        return ratio(kinds.get(kind).optionCorrect, kinds.get(kind).optionJudged);
    }

    double deletionPrecision() {
        return ratio(kinds.get(TurnKind.DELETION).correctAction, forgetTurns);
    }

    double deletionRecall() {
        return recall(TurnKind.DELETION);
    }

    double activePrecision() {
        return ratio(memoriesOnActiveSlot, memoriesLeft);
    }

    double activeRecall() {
        return ratio(activeFound, activeTruth);
    }

    double activeOptionAccuracy() {
        return ratio(activeOptionCorrect, activeFound);
    }

    double exactUserShare() {
        return ratio(exactUsers, users);
    }

    /** How often each kind of error happened, by kind. */
    Map<String, Integer> errorCounts() {
        return errorCounts;
    }

    /** The first few turns of each kind of error, with what was extracted from them. */
    Map<String, List<String>> errorExamples() {
        return errorExamples;
    }

    /** The figures as a fixed-width table, one metric a line, with the counts behind each ratio. */
    String table(String title) {
        StringBuilder out = new StringBuilder(title).append('\n');
        row(out, "preference turns: precision", truePositiveTurns(), detectedTurns);
        row(out, "preference turns: recall", truePositiveTurns(), preferenceTurns());
        for (TurnKind kind : List.of(TurnKind.STATEMENT, TurnKind.CHANGE, TurnKind.DELETION, TurnKind.IMPLICIT_CHOICE, TurnKind.IMPLICIT_FEEDBACK)) {
            row(out, "  recall " + kind.name().toLowerCase(Locale.US), kinds.get(kind).correctAction, kinds.get(kind).turns);
        }
        row(out, "  false signals on filler (user turns)", kinds.get(TurnKind.FILLER).detected, kinds.get(TurnKind.FILLER).turns);
        row(out, "slot accuracy (found turns)", sum(c -> c.slotCorrect), truePositiveTurns());
        for (TurnKind kind : List.of(TurnKind.STATEMENT, TurnKind.CHANGE, TurnKind.DELETION, TurnKind.IMPLICIT_CHOICE, TurnKind.IMPLICIT_FEEDBACK)) {
            row(out, "  slot " + kind.name().toLowerCase(Locale.US), kinds.get(kind).slotCorrect, kinds.get(kind).correctAction);
        }
        row(out, "option accuracy (remembered)", sum(c -> c.optionCorrect), sum(c -> c.optionJudged));
        for (TurnKind kind : List.of(TurnKind.STATEMENT, TurnKind.CHANGE, TurnKind.IMPLICIT_CHOICE, TurnKind.IMPLICIT_FEEDBACK)) {
            row(out, "  option " + kind.name().toLowerCase(Locale.US), kinds.get(kind).optionCorrect, kinds.get(kind).optionJudged);
        }
        row(out, "deletion requests: precision", kinds.get(TurnKind.DELETION).correctAction, forgetTurns);
        row(out, "deletion requests: recall", kinds.get(TurnKind.DELETION).correctAction, kinds.get(TurnKind.DELETION).turns);
        row(out, "end state: memories on active slots", memoriesOnActiveSlot, memoriesLeft);
        row(out, "end state: active preferences held", activeFound, activeTruth);
        row(out, "end state: held with the right option", activeOptionCorrect, activeFound);
        row(out, "end state: users exactly right", exactUsers, users);
        return out.toString();
    }

    private static void row(StringBuilder out, String name, int numerator, int denominator) {
        out.append(String.format(Locale.US, "%-40s %6.3f %7s%n", name, ratio(numerator, denominator),
                numerator + "/" + denominator));
    }

    private int sum(java.util.function.ToIntFunction<KindCounts> field) {
        return kinds.values().stream().mapToInt(field).sum();
    }

    private static boolean carries(TurnKind kind) {
        return kind != TurnKind.FILLER && kind != TurnKind.UNKNOWN;
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }

    @Override
    public String toString() {
        return table("extraction audit");
    }
}
