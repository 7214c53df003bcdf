package org.adaptbench.harness.tuning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.datasets.model.Choice;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * A diagnostic of the competence check: whether an approach picks the population's majority answer on
 * the choices of the users' training prefixes — the very items a batch-trained adapter learns from. An
 * adapter that fits its data agrees with the majority there; one that does there but not on the
 * validation queries (other items, other wording) learned items, not preferences.
 */
final class TrainingFit {

    private TrainingFit() {
    }

    /** Per scored user, the share of their training-prefix choices the approach answers with the item's majority pick; the mean with its interval. */
    static MetricValue majorityAgreement(RunContext context, Workload world, ApproachSpec spec, Bootstrap bootstrap) {
        Map<String, Map<Integer, Integer>> picks = new HashMap<>();
        for (UserData user : world.dataset().users()) {
            for (Choice choice : trainingChoices(world, user)) {
                picks.computeIfAbsent(key(choice), k -> new HashMap<>()).merge(choice.chosenIndex(), 1, Integer::sum);
            }
        }
        List<Double> shares = new ArrayList<>();
        try (Approach approach = context.create(spec, world)) {
            approach.prepare(world.dataset().users());
            for (UserData user : world.scoredUsers()) {
                int prefix = world.trainingPrefix(user);
                int agreed = 0;
                int asked = 0;
                for (Choice choice : trainingChoices(world, user)) {
                    int majority = majority(picks.get(key(choice)));
                    Query item = new Query("training-fit/" + user.userId() + "/" + asked, choice.question(), choice.options(), majority,
                            prefix, List.of(), "", "", Double.NaN);
                    agreed += approach.answer(user.userId(), item).decision().chosen() == majority ? 1 : 0;
                    asked++;
                }
                if (asked > 0) {
                    shares.add((double) agreed / asked);
                }
            }
        }
        return bootstrap.mean(shares.stream().mapToDouble(Double::doubleValue).toArray(), Units.FRACTION, true);
    }

    /** The choices the user made in the training prefix: what fine-tuning pipelines take as labelled examples. */
    private static List<Choice> trainingChoices(Workload world, UserData user) {
        List<Choice> choices = new ArrayList<>();
        for (Turn turn : user.history().subList(0, world.trainingPrefix(user))) {
            if (turn.role() == Role.USER) {
                turn.choice().ifPresent(choices::add);
            }
        }
        return choices;
    }

    /** The most common pick (the lowest index on ties). */
    private static int majority(Map<Integer, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .findFirst().orElseThrow().getKey();
    }

    private static String key(Choice choice) {
        return choice.question() + "\u0000" + String.join("\u0000", choice.options());
    }
}
