package org.adaptbench.harness.approach.lora;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaptbench.datasets.model.Choice;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.OptionScorer;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.Target;
import org.adaptbench.finetune.train.ContextDistillation;
import org.adaptbench.harness.extraction.Lineage;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.extract.SlotClassifier;

/**
 * Turns a user's observable history into the examples a fine-tuning pipeline trains adapters on,
 * without ground-truth labels:
 *
 * <ul>
 *   <li>an interaction where the user picked one of several offered options is a labelled example
 *       (question, options, the pick);</li>
 *   <li>what the user said is distilled: the base model answers each probe question with the
 *       turn in its context (the teacher), and the adapter learns to give that answer with an
 *       empty context. Which turns are distilled is the {@link Curation}:
 *       <ul>
 *         <li>{@link Curation#RAW}, as a fine-tuning pipeline on raw conversations
 *             would: every user turn that is not a pick or a forget request, and a probe takes its
 *             target from the latest turn that moves its answer by at least {@code minKl} (KL
 *             divergence from the no-context answer), so a change of mind replaces the older
 *             preference. No preference extractor decides what is learnt.</li>
 *         <li>{@link Curation#EXTRACTOR} (the default): only turns the memory layer's preference extractor reads
 *             as preferences, and of several on one slot only the latest (as memory's supersession
 *             does). Probes are filed under slots by the same slot classifier, and a probe takes its
 *             target from the current statement of its own slot, as a pipeline that writes training
 *             questions per stated preference would; where slots are unknown (an open catalogue),
 *             from the statement that moves its answer most (at least {@code minKl}).</li>
 *       </ul></li>
 * </ul>
 * Both are measured on the validation world, where the extractor's curation trains better adapters
 * on every arm (docs/approaches-and-scenarios.md).
 *
 * <p>A probe that is an item the user is asked (same question, same options) is never distilled for
 * that user: the adapter must not be trained on the user's own test item, even without its answer.
 * Teacher answers are computed once per distinct turn text and cached.
 */
public final class FineTuningData {

    /** Which of a user's turns the pipeline distils. */
    public enum Curation {
        /** Every user turn that moves a probe's answer, the latest per probe; no extractor involved. */
        RAW(org.adaptbench.harness.config.RunConfig.Adapters.RAW_CURATION),
        /** Only turns the shared preference extractor reads as preferences, the latest per slot. */
        EXTRACTOR(org.adaptbench.harness.config.RunConfig.Adapters.EXTRACTOR_CURATION);

        private final String wireName;

        Curation(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The curation called {@code name} in the config ({@code adapters.curation}). */
        public static Curation parse(String name) {
            for (Curation curation : values()) {
                if (curation.wireName.equals(name)) {
                    return curation;
                }
            }
            throw new IllegalArgumentException("unknown curation '" + name + "'; choose raw or extractor");
        }
    }

    private final OptionScorer teacher;
    private final Embedder embedder;
    private final List<Prompt> probes;
    private final List<double[]> probeBaseline;
    private final double minKl;
    private final Lineage lineage;
    private final Curation curation;
    private final List<String> probeSlots = new ArrayList<>();
    private final Map<String, List<ProbeTarget>> teacherByText = new HashMap<>();
    private final Map<String, Set<Integer>> askedOf;

    /** One probe's soft target derived from one turn, and how far it moved the probe's answer. */
    record ProbeTarget(int probe, double[] probabilities, double kl) {
    }

    /**
     * @param slots files probes under the catalogue's slots (each probe's question with its options)
     * @param askedOf user id → the probes (by index) that are items the user is asked: never distilled for that user
     * @param curation which turns are distilled
     */
    public FineTuningData(OptionScorer teacher, Embedder embedder, List<Workload.Probe> probes, double minKl, Lineage lineage,
            SlotClassifier slots, Map<String, Set<Integer>> askedOf, Curation curation) {
        this.askedOf = Map.copyOf(askedOf);
        this.teacher = teacher;
        this.curation = java.util.Objects.requireNonNull(curation, "curation");
        this.embedder = embedder;
        this.minKl = minKl;
        this.lineage = lineage;
        this.probes = new ArrayList<>();
        for (Workload.Probe probe : probes) {
            this.probes.add(new Prompt(embedder.embed(probe.question()), List.of(), embedder.embedAll(probe.options())));
            probeSlots.add(slots.catalogue().isOpen() ? ""
                    : slots.classify(embedder.embed(probe.question() + "\n" + String.join("\n", probe.options()))));
        }
        this.probeBaseline = new ArrayList<>();
        if (!this.probes.isEmpty()) {
            for (OptionScores scores : teacher.score(this.probes)) {
                probeBaseline.add(scores.probabilities());
            }
        }
    }

    /**
     * The training set from {@code turns} (in time order), leaving out the turns in {@code excluded}
     * (deleted preferences), at most {@code limit} examples, the most recent kept.
     */
    public List<LabelledExample> examples(String userId, List<Turn> turns, Set<String> excluded, int limit) {
        List<LabelledExample> examples = new ArrayList<>();
        for (Turn turn : turns) {
            if (!excluded.contains(turn.turnId()) && turn.role() == Role.USER) {
                turn.choice().ifPresent(choice -> examples.add(choiceExample(choice)));
            }
        }
        strongestTargets(userId, turns, excluded).forEach((probe, target) ->
                examples.add(new LabelledExample(probes.get(probe), Target.soft(target.probabilities()))));
        return examples.size() <= limit ? examples : examples.subList(examples.size() - limit, examples.size());
    }

    /**
     * True when the turn would contribute training data: a pick, or (raw curation) a turn that moves a
     * probe's answer, or (extractor curation) a statement the extractor reads as a preference.
     */
    public boolean informative(String userId, Turn turn) {
        if (turn.role() != Role.USER) {
            return false;
        }
        if (turn.choice().isPresent()) {
            return true;
        }
        return curation == Curation.RAW ? distillable(userId, turn) && !distilled(turn.text()).isEmpty()
                : !lineage.slots(userId, turn).isEmpty();
    }

    /** The curation this pipeline uses. */
    public Curation curation() {
        return curation;
    }

    /** A per-user profile for clustering users into variants: the distilled answer to every probe. */
    public double[] profile(String userId, List<Turn> turns) {
        double[] profile = new double[probes.stream().mapToInt(Prompt::optionCount).sum()];
        Map<Integer, ProbeTarget> targets = strongestTargets(userId, turns, Set.of());
        int offset = 0;
        for (int p = 0; p < probes.size(); p++) {
            ProbeTarget target = targets.get(p);
            double[] answer = target == null ? probeBaseline.get(p) : target.probabilities();
            System.arraycopy(answer, 0, profile, offset, answer.length);
            offset += answer.length;
        }
        return profile;
    }

    /**
     * For each probe, the target of the current statement that moves it most. Current statements are
     * the latest turn of each slot the extractor names, among turns not excluded.
     */
    private Map<Integer, ProbeTarget> strongestTargets(String userId, List<Turn> turns, Set<String> excluded) {
        if (curation == Curation.RAW) {
            return latestTargets(userId, turns, excluded);
        }
        Map<String, Turn> latestBySlot = new LinkedHashMap<>();
        for (Turn turn : turns) {
            if (excluded.contains(turn.turnId()) || turn.role() != Role.USER || turn.choice().isPresent()) {
                continue;
            }
            for (String slot : lineage.slots(userId, turn)) {
                latestBySlot.remove(slot);
                latestBySlot.put(slot, turn);
            }
        }
        Map<Integer, ProbeTarget> strongest = new java.util.TreeMap<>();
        Set<Integer> asked = askedOf.getOrDefault(userId, Set.of());
        latestBySlot.forEach((slot, turn) -> {
            for (ProbeTarget target : distilled(turn.text())) {
                String probeSlot = probeSlots.get(target.probe());
                if (!probeSlot.isEmpty() && !probeSlot.equals(slot) || asked.contains(target.probe())) {
                    continue;
                }
                ProbeTarget best = strongest.get(target.probe());
                if (best == null || target.kl() > best.kl()) {
                    strongest.put(target.probe(), target);
                }
            }
        });
        return strongest;
    }

    /** Raw curation: for each probe, the target of the latest turn that moves it by at least {@code minKl}. */
    private Map<Integer, ProbeTarget> latestTargets(String userId, List<Turn> turns, Set<String> excluded) {
        Map<Integer, ProbeTarget> latest = new java.util.TreeMap<>();
        for (Turn turn : turns) {
            if (excluded.contains(turn.turnId()) || !distillable(userId, turn)) {
                continue;
            }
            for (ProbeTarget target : distilled(turn.text())) {
                latest.put(target.probe(), target);
            }
        }
        return latest;
    }

    /**
     * A user turn that says something: not a pick (picks are labelled examples of their own) and not a
     * forget request (which asks that something not be learnt; every approach reads it with the shared extractor).
     */
    private boolean distillable(String userId, Turn turn) {
        return turn.role() == Role.USER && turn.choice().isEmpty() && !lineage.asksToForget(userId, turn);
    }

    private LabelledExample choiceExample(Choice choice) {
        Prompt prompt = new Prompt(embedder.embed(choice.question()), List.of(), embedder.embedAll(choice.options()));
        return LabelledExample.hard(prompt, choice.chosenIndex());
    }

    private synchronized List<ProbeTarget> distilled(String text) {
        List<ProbeTarget> cached = teacherByText.get(text);
        if (cached != null) {
            return cached;
        }
        List<ProbeTarget> targets = new ArrayList<>();
        if (!probes.isEmpty() && !text.isBlank()) {
            List<float[]> context = List.of(embedder.embed(text));
            List<Prompt> withContext = probes.stream().map(probe -> probe.withContext(context)).toList();
            List<LabelledExample> soft = ContextDistillation.softTargets(teacher, withContext, 1.0);
            for (int p = 0; p < soft.size(); p++) {
                double[] probabilities = soft.get(p).target().distribution(probes.get(p).optionCount());
                double kl = klDivergence(probabilities, probeBaseline.get(p));
                if (kl >= minKl) {
                    targets.add(new ProbeTarget(p, probabilities, kl));
                }
            }
        }
        List<ProbeTarget> result = List.copyOf(targets);
        teacherByText.put(text, result);
        return result;
    }

    static double klDivergence(double[] p, double[] q) {
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                kl += p[i] * Math.log(p[i] / Math.max(q[i], 1e-12));
            }
        }
        return kl;
    }
}
