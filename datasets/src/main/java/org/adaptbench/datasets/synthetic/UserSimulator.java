package org.adaptbench.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.adaptbench.datasets.model.Choice;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.datasets.seed.Seeds;

/**
 * Plays one user's history in the wording and choice pool of the world's {@link WorldRole}: a latent
 * preference per dimension (drawn from the popularity, or none), revealed by statements and implicit
 * signals, changed, deleted, between filler chat; and records where queries may be asked and what
 * their answer and evidence are.
 */
final class UserSimulator {

    /** 2024-01-01T00:00:00Z: every synthetic clock starts here. */
    static final long EPOCH_MS = 1_704_067_200_000L;

    private static final long MIN_GAP_MS = 15_000;
    private static final long MAX_EXTRA_GAP_MS = 3_600_000;

    /**
     * A place for a query: the answer is {@code option} of {@code dimension}, asked after
     * {@code visibleTurns} turns, with the turns that reveal that preference as evidence.
     */
    record Slot(int dimension, int option, int visibleTurns, List<String> evidence) {
        Slot {
            evidence = List.copyOf(evidence);
        }
    }

    record SimulatedUser(String userId, List<Turn> history, List<Slot> slots, Map<String, String> attributes) {
    }

    private final WorldText text;
    private final SyntheticConfig config;
    private final QuestionBank bank;
    private final OptionShares[] popularity;
    private final Wording wording;

    UserSimulator(WorldText text, SyntheticConfig config, QuestionBank bank, OptionShares[] popularity) {
        this.text = text;
        this.config = config;
        this.bank = bank;
        this.popularity = popularity;
        this.wording = config.role().wording();
    }

    /** User {@code index} of the world; worlds of different roles have different users even under one seed. */
    SimulatedUser simulate(int index, String userId) {
        return new Run(Seeds.random(config.seed(), "user/" + config.role().wireName(), index)).play(userId);
    }

    /** A query promised after a change, due once the history reaches {@code position} turns. */
    private record Probe(int dimension, int episode, int position) {
    }

    /** The mutable state of one user's history while it is played. */
    private final class Run {
        final SplittableRandom random;
        final List<Turn> turns = new ArrayList<>();
        final List<Slot> slots = new ArrayList<>();
        final int[] latent;
        final boolean[] active;
        final int[] episode;
        final List<List<String>> evidence = new ArrayList<>();
        final List<Probe> pending = new ArrayList<>();
        long clock = EPOCH_MS;

        Run(SplittableRandom random) {
            this.random = random;
            int dimensions = config.dimensions();
            latent = new int[dimensions];
            active = new boolean[dimensions];
            episode = new int[dimensions];
            for (int d = 0; d < dimensions; d++) {
                latent[d] = random.nextDouble() < config.noPreferenceRate() ? -1 : popularity[d].sample(random);
                evidence.add(new ArrayList<>());
            }
        }

        SimulatedUser play(String userId) {
            Map<String, String> attributes = initialAttributes();
            for (int event = 0; event < config.eventsPerUser(); event++) {
                playEvent();
                emitDueProbes();
            }
            finalSlots();
            slots.sort(java.util.Comparator.comparingInt(Slot::visibleTurns));
            return new SimulatedUser(userId, List.copyOf(turns), List.copyOf(slots), attributes);
        }

        private void playEvent() {
            if (random.nextDouble() < config.fillerShare()) {
                filler();
                return;
            }
            List<Integer> activeDimensions = dimensions(true);
            double r = random.nextDouble();
            if (!activeDimensions.isEmpty() && r < config.changeRate()) {
                change(pick(activeDimensions));
            } else if (!activeDimensions.isEmpty() && r < config.changeRate() + config.deletionRate()) {
                delete(pick(activeDimensions));
            } else {
                reveal(activeDimensions);
            }
        }

        private Map<String, String> initialAttributes() {
            Map<String, String> attributes = new TreeMap<>();
            int minority = 0;
            for (int d = 0; d < latent.length; d++) {
                WorldText.DimensionText dimension = text.dimensions().get(d);
                if (latent[d] < 0) {
                    attributes.put(dimension.name(), "none");
                    continue;
                }
                attributes.put(dimension.name(), dimension.options().get(latent[d]).name());
                attributes.put(dimension.name() + ".rank", Integer.toString(latent[d] + 1));
                attributes.put(dimension.name() + ".popularity", latent[d] == popularity[d].leader() ? "majority" : "minority");
                minority += latent[d] == 0 ? 0 : 1;
            }
            attributes.put("minority_preferences", Integer.toString(minority));
            return attributes;
        }

        /** Dimensions whose preference is currently active ({@code true}) or latent but not active. */
        private List<Integer> dimensions(boolean wantActive) {
            List<Integer> found = new ArrayList<>(latent.length);
            for (int d = 0; d < latent.length; d++) {
                if (latent[d] >= 0 && active[d] == wantActive) {
                    found.add(d);
                }
            }
            return found;
        }

        private void reveal(List<Integer> activeDimensions) {
            List<Integer> hidden = dimensions(false);
            if (!hidden.isEmpty() && (activeDimensions.isEmpty() || random.nextBoolean())) {
                int d = pick(hidden);
                if (random.nextDouble() < config.implicitShare()) {
                    implicit(d);
                } else {
                    state(d, TurnKind.STATEMENT, FrameKind.STATEMENT);
                }
            } else if (!activeDimensions.isEmpty()) {
                implicit(pick(activeDimensions));
            } else {
                filler();
            }
        }

        private void change(int d) {
            latent[d] = popularity[d].sampleOther(random, latent[d]);
            state(d, TurnKind.CHANGE, FrameKind.CHANGE);
            int changeTurn = turns.size() - 1;
            for (int distance : config.adaptationDistances()) {
                pending.add(new Probe(d, episode[d], changeTurn + 1 + distance));
            }
        }

        /** A statement or change: opens a new episode whose first evidence is this turn. */
        private void state(int d, TurnKind kind, FrameKind frame) {
            String turnId = addUserTurn(render(frame, d), Optional.empty(), label(kind, d));
            startEpisode(d, turnId);
        }

        private void delete(int d) {
            addUserTurn(render(FrameKind.DELETION, d), Optional.empty(), label(TurnKind.DELETION, d));
            active[d] = false;
            episode[d]++;
            evidence.get(d).clear();
        }

        private void implicit(int d) {
            String turnId;
            if (random.nextBoolean()) {
                List<QuestionBank.Item> items = bank.items(d, config.role().choices());
                QuestionBank.Item item = items.get(random.nextInt(items.size()));
                int position = item.positionOf(latent[d]);
                String said = text.renderChoice(wording, item.options().get(position), random);
                turnId = addUserTurn(said, Optional.of(new Choice(item.question(), item.options(), position)),
                        label(TurnKind.IMPLICIT_CHOICE, d));
            } else {
                turnId = addUserTurn(render(FrameKind.FEEDBACK, d), Optional.empty(), label(TurnKind.IMPLICIT_FEEDBACK, d));
            }
            if (active[d]) {
                evidence.get(d).add(turnId);
            } else {
                startEpisode(d, turnId);
            }
        }

        private void startEpisode(int d, String turnId) {
            active[d] = true;
            episode[d]++;
            evidence.get(d).clear();
            evidence.get(d).add(turnId);
        }

        private void filler() {
            WorldText.FillerPair pair = pick(text.filler().get(wording));
            addTurn(Role.USER, pair.user(), Optional.empty(), TurnLabel.FILLER);
            addTurn(Role.ASSISTANT, pair.assistant(), Optional.empty(), TurnLabel.FILLER);
        }

        private void finalSlots() {
            List<Integer> activeDimensions = dimensions(true);
            if (activeDimensions.isEmpty()) {
                return;
            }
            // shuffle so that a user's first queries are not always on the first dimensions
            for (int i = activeDimensions.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                activeDimensions.set(i, activeDimensions.set(j, activeDimensions.get(i)));
            }
            for (int q = 0; q < config.queriesPerUser(); q++) {
                int d = activeDimensions.get(q % activeDimensions.size());
                slots.add(new Slot(d, latent[d], turns.size(), evidence.get(d)));
            }
        }

        private String addUserTurn(String said, Optional<Choice> choice, TurnLabel label) {
            return addTurn(Role.USER, said, choice, label);
        }

        private String addTurn(Role role, String said, Optional<Choice> choice, TurnLabel label) {
            clock += MIN_GAP_MS + random.nextLong(MAX_EXTRA_GAP_MS);
            String turnId = "t" + turns.size();
            turns.add(new Turn(turnId, role, said, clock, choice, label));
            return turnId;
        }

        /**
         * Called after each event: emits every probe now due whose change still holds. A probe due in
         * the middle of a filler event is emitted at its own position; filler changes nothing it tests.
         */
        private void emitDueProbes() {
            for (int i = 0; i < pending.size(); ) {
                Probe probe = pending.get(i);
                int d = probe.dimension();
                boolean stale = !active[d] || episode[d] != probe.episode();
                if (stale || probe.position() <= turns.size()) {
                    if (!stale) {
                        slots.add(new Slot(d, latent[d], probe.position(), evidence.get(d)));
                    }
                    pending.remove(i);
                } else {
                    i++;
                }
            }
        }

        private String render(FrameKind frame, int d) {
            return text.render(frame, wording, d, latent[d], random);
        }

        private TurnLabel label(TurnKind kind, int d) {
            return new TurnLabel(kind, text.dimensions().get(d).name(), option(d).name());
        }

        private WorldText.OptionText option(int d) {
            return text.dimensions().get(d).options().get(latent[d]);
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }
    }
}
