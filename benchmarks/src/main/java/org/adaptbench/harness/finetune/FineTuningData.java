package org.adaptbench.harness.finetune;

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
import org.adaptbench.harness.bench.Workload;
import org.adaptbench.personalization.embed.Embedder;

/**
 * Turns a user's observable history into the examples a fine-tuning pipeline trains adapters on,
 * without ground-truth labels:
 *
 * <ul>
 *   <li>an interaction where the user picked one of several offered options is a labelled example
 *       (question, options, the pick);</li>
 *   <li>anything the user said is distilled: the base model answers each probe question with that
 *       turn in its context (the teacher), and the adapter learns to give that answer with an empty
 *       context. Only turns that change the base model's answer to a probe (KL divergence from the
 *       no-context answer above a threshold) make examples, and for each probe the most recent such
 *       turn wins, so a change of mind replaces the older preference as a careful pipeline would.</li>
 * </ul>
 *
 * <p>Teacher answers are computed once per distinct turn text and cached.
 */
public final class FineTuningData {

    private final OptionScorer teacher;
    private final Embedder embedder;
    private final List<Prompt> probes;
    private final List<double[]> probeBaseline;
    private final double minKl;
    private final Map<String, List<ProbeTarget>> teacherByText = new HashMap<>();

    /** One probe's soft target derived from one turn. */
    record ProbeTarget(int probe, double[] probabilities) {
    }

    public FineTuningData(OptionScorer teacher, Embedder embedder, List<Workload.Probe> probes, double minKl) {
        this.teacher = teacher;
        this.embedder = embedder;
        this.minKl = minKl;
        this.probes = new ArrayList<>();
        for (Workload.Probe probe : probes) {
            this.probes.add(new Prompt(embedder.embed(probe.question()), List.of(), embedder.embedAll(probe.options())));
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
    public List<LabelledExample> examples(List<Turn> turns, Set<String> excluded, int limit) {
        List<LabelledExample> choices = new ArrayList<>();
        Map<Integer, double[]> latestByProbe = new LinkedHashMap<>();
        for (Turn turn : turns) {
            if (excluded.contains(turn.turnId()) || turn.role() != Role.USER) {
                continue;
            }
            turn.choice().ifPresent(choice -> choices.add(choiceExample(choice)));
            for (ProbeTarget target : distilled(turn.text())) {
                latestByProbe.remove(target.probe());
                latestByProbe.put(target.probe(), target.probabilities());
            }
        }
        List<LabelledExample> examples = new ArrayList<>(choices);
        latestByProbe.forEach((probe, probabilities) ->
                examples.add(new LabelledExample(probes.get(probe), Target.soft(probabilities))));
        return examples.size() <= limit ? examples : examples.subList(examples.size() - limit, examples.size());
    }

    /** True when the turn would contribute training data (a pick, or a statement that moves some probe). */
    public boolean informative(Turn turn) {
        return turn.role() == Role.USER && (turn.choice().isPresent() || !distilled(turn.text()).isEmpty());
    }

    /** A per-user profile for clustering users into variants: the distilled answer to every probe. */
    public double[] profile(List<Turn> turns) {
        double[] profile = new double[probes.stream().mapToInt(Prompt::optionCount).sum()];
        int offset = 0;
        Map<Integer, double[]> latest = new HashMap<>();
        for (Turn turn : turns) {
            if (turn.role() == Role.USER) {
                for (ProbeTarget target : distilled(turn.text())) {
                    latest.put(target.probe(), target.probabilities());
                }
            }
        }
        for (int p = 0; p < probes.size(); p++) {
            double[] answer = latest.getOrDefault(p, probeBaseline.get(p));
            System.arraycopy(answer, 0, profile, offset, answer.length);
            offset += answer.length;
        }
        return profile;
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
                if (klDivergence(probabilities, probeBaseline.get(p)) >= minKl) {
                    targets.add(new ProbeTarget(p, probabilities));
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
