package org.adaptbench.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.UserData;

/**
 * Checks a generated world against an independent replay of each history's labels: which preference
 * is active at each point, which turns reveal it, and what each query must therefore say.
 */
final class WorldChecks {

    private WorldChecks() {
    }

    /** The active option and its revealing turns, per dimension, after some prefix of a history. */
    static final class Replay {
        final Map<String, String> active = new HashMap<>();
        final Map<String, List<String>> evidence = new HashMap<>();

        void apply(Turn turn) {
            String dimension = turn.label().dimension();
            String option = turn.label().option();
            switch (turn.label().kind()) {
                case STATEMENT, CHANGE -> {
                    active.put(dimension, option);
                    evidence.put(dimension, new ArrayList<>(List.of(turn.turnId())));
                }
                case IMPLICIT_CHOICE, IMPLICIT_FEEDBACK -> {
                    if (option.equals(active.get(dimension))) {
                        evidence.get(dimension).add(turn.turnId());
                    } else {
                        // an implicit signal can only reveal the user's current preference
                        assertFalse(active.containsKey(dimension), "implicit signal contradicts the active preference at " + turn);
                        active.put(dimension, option);
                        evidence.put(dimension, new ArrayList<>(List.of(turn.turnId())));
                    }
                }
                case DELETION -> {
                    assertEquals(active.get(dimension), option, "deletion of a preference that is not active: " + turn);
                    active.remove(dimension);
                    evidence.remove(dimension);
                }
                default -> {
                }
            }
        }
    }

    /** Every query: one correct option, the active preference's, and evidence that states it. */
    static void assertQueriesMatchHistory(SyntheticWorld world) {
        WorldText text = WorldText.standard();
        for (UserData user : world.dataset().users()) {
            Map<String, Turn> byId = new HashMap<>();
            user.history().forEach(turn -> byId.put(turn.turnId(), turn));
            Replay replay = new Replay();
            int applied = 0;
            int lastVisible = 0;
            for (Query query : user.queries()) {
                assertTrue(query.visibleTurns() >= lastVisible, "queries out of time order for " + user.userId());
                lastVisible = query.visibleTurns();
                while (applied < query.visibleTurns()) {
                    replay.apply(user.history().get(applied++));
                }
                String activeOption = replay.active.get(query.dimension());
                assertTrue(activeOption != null, () -> query.queryId() + " asks about " + query.dimension() + ", which has no active preference");
                assertEquals(query.dimension() + "=" + activeOption, query.group(), query.queryId());
                WorldText.DimensionText dimension = dimension(text, query.dimension());
                assertEquals(WorldText.OPTIONS_PER_DIMENSION, query.options().size());
                int satisfying = 0;
                for (int i = 0; i < query.options().size(); i++) {
                    String owner = ownerOfAnswer(dimension, query.options().get(i), world.role().queries());
                    if (owner.equals(activeOption)) {
                        satisfying++;
                        assertEquals(i, query.correctIndex(), query.queryId() + ": the satisfying option is not the correct one");
                    }
                }
                assertEquals(1, satisfying, query.queryId() + " must have exactly one option for the active preference");
                assertEquals(replay.evidence.get(query.dimension()), query.evidenceTurnIds(), query.queryId() + " evidence");
                for (String turnId : query.evidenceTurnIds()) {
                    assertTurnStates(dimension, activeOption, byId.get(turnId), world.role());
                }
            }
        }
    }

    /**
     * The turn's label names the option, and its text (or choice) says so in that option's words of the
     * role's wording, built on a frame of the turn's kind in that wording.
     */
    static void assertTurnStates(WorldText.DimensionText dimension, String option, Turn turn, WorldRole role) {
        assertEquals(dimension.name(), turn.label().dimension(), turn.toString());
        assertEquals(option, turn.label().option(), turn.toString());
        Wording wording = role.wording();
        WorldText.OptionText optionText = optionText(dimension, option);
        switch (turn.label().kind()) {
            case STATEMENT, CHANGE, DELETION, IMPLICIT_FEEDBACK -> {
                assertTrue(optionText.phrases().get(wording).stream().anyMatch(turn.text()::contains),
                        () -> "no phrase of " + option + " in " + turn.text());
                for (WorldText.OptionText other : dimension.options()) {
                    if (!other.name().equals(option)) {
                        assertFalse(other.phrases().get(wording).stream().anyMatch(turn.text()::contains),
                                () -> "a phrase of " + other.name() + " in " + turn.text());
                    }
                }
                assertTrue(matchesFrame(FRAME_OF.get(turn.label().kind()), wording, turn.text()),
                        () -> "no " + wording + " " + turn.label().kind() + " frame matches " + turn.text());
            }
            case IMPLICIT_CHOICE -> {
                String chosen = turn.choice().orElseThrow().chosen();
                assertEquals(option, ownerOfAnswer(dimension, chosen, role.choices()), turn.toString());
                assertTrue(turn.text().contains(chosen), turn.toString());
                assertTrue(matchesFrame(FrameKind.CHOICE, wording, turn.text()), turn::toString);
            }
            default -> throw new AssertionError("evidence turn carries no preference: " + turn);
        }
    }

    private static final Map<TurnKind, FrameKind> FRAME_OF = Map.of(TurnKind.STATEMENT, FrameKind.STATEMENT,
            TurnKind.CHANGE, FrameKind.CHANGE, TurnKind.DELETION, FrameKind.DELETION,
            TurnKind.IMPLICIT_FEEDBACK, FrameKind.FEEDBACK, TurnKind.IMPLICIT_CHOICE, FrameKind.CHOICE);

    /** True when {@code text} is one of the {@code kind} frames of {@code wording} with its slots filled somehow. */
    static boolean matchesFrame(FrameKind kind, Wording wording, String text) {
        return framePatterns(kind, wording).stream().anyMatch(pattern -> pattern.matcher(text).matches());
    }

    /** The frames of {@code kind} and {@code wording} as patterns whose slots match anything. */
    static List<java.util.regex.Pattern> framePatterns(FrameKind kind, Wording wording) {
        return WorldText.standard().frames().get(kind).get(wording).stream()
                .map(frame -> java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(frame)
                        .replaceAll("\\{(topic|phrase|choice)}", "\\\\E.*\\\\Q")))
                .toList();
    }

    /** The option whose answers in {@code pool} include {@code answer}; fails if none or several. */
    static String ownerOfAnswer(WorldText.DimensionText dimension, String answer, ItemPool pool) {
        Set<String> owners = new HashSet<>();
        for (WorldText.OptionText option : dimension.options()) {
            if (option.answers().get(pool).contains(answer)) {
                owners.add(option.name());
            }
        }
        assertEquals(1, owners.size(), () -> "answer owned by " + owners + ": " + answer);
        return owners.iterator().next();
    }

    static WorldText.DimensionText dimension(WorldText text, String name) {
        return text.dimensions().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }

    static WorldText.OptionText optionText(WorldText.DimensionText dimension, String name) {
        return dimension.options().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    /** Question text plus option list: the identity of a question as users see it. */
    static String questionKey(Query query) {
        return query.question() + "\u0000" + String.join("\u0000", query.options());
    }

    /** Asserts each question's majority rate and the overall ceiling from the queries alone. */
    static void assertMajorityRates(SyntheticWorld world) {
        Map<String, int[]> answers = new HashMap<>();
        List<Query> all = new ArrayList<>();
        for (UserData user : world.dataset().users()) {
            for (Query query : user.queries()) {
                answers.computeIfAbsent(questionKey(query), k -> new int[WorldText.OPTIONS_PER_DIMENSION])[query.correctIndex()]++;
                all.add(query);
            }
        }
        long majoritySum = 0;
        for (int[] counts : answers.values()) {
            majoritySum += java.util.Arrays.stream(counts).max().orElse(0);
        }
        for (Query query : all) {
            int[] counts = answers.get(questionKey(query));
            double expected = (double) java.util.Arrays.stream(counts).max().orElseThrow() / java.util.Arrays.stream(counts).sum();
            assertEquals(expected, query.majorityRate(), 1e-12, query.queryId());
        }
        if (!all.isEmpty()) {
            assertEquals((double) majoritySum / all.size(), world.majorityCeiling(), 1e-12);
        }
    }
}
