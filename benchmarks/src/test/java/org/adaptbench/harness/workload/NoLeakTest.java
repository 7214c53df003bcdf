package org.adaptbench.harness.workload;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.prefeval.PrefEvalLocation;
import org.adaptbench.datasets.synthetic.PretrainingExample;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.config.RunConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Nothing that trains is asked on the test: no evaluated question text occurs in the base model's
 * pre-training data, in the domain users' data (which trains the domain adapter, with labels), or in
 * the probes fine-tuning distils onto.
 */
class NoLeakTest {

    private static RunConfig config(String dataset) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("datasets", "[\"" + dataset + "\"]");
        return RunConfig.of(ConfigResolver.bundled().resolve("quick", overrides));
    }

    private static Set<String> evaluatedQuestions(Workload workload) {
        Set<String> questions = new HashSet<>();
        for (UserData user : workload.evaluated()) {
            for (Query query : user.queries()) {
                if (workload.isEvaluated(user, query)) {
                    questions.add(query.question());
                }
            }
        }
        return questions;
    }

    /** Every question a user of {@code users} is asked or offered a choice on. */
    private static Set<String> questionsOf(Iterable<UserData> users) {
        Set<String> questions = new HashSet<>();
        for (UserData user : users) {
            user.queries().forEach(query -> questions.add(query.question()));
            user.history().forEach(turn -> turn.choice().ifPresent(choice -> questions.add(choice.question())));
        }
        return questions;
    }

    private static void assertDisjoint(Set<String> evaluated, Set<String> training, String what) {
        Set<String> shared = new HashSet<>(evaluated);
        shared.retainAll(training);
        assertTrue(shared.isEmpty(), shared.size() + " evaluated questions occur in " + what + ", e.g. " + shared.stream().findFirst());
    }

    @Test
    void theSyntheticWorldsTestQuestionsAreNeverTrainedOn() {
        RunConfig config = config(Workloads.SYNTHETIC);
        Workload workload = Workloads.load(config, Workloads.SYNTHETIC);
        Set<String> evaluated = evaluatedQuestions(workload);
        assertTrue(evaluated.size() >= 240, "the quick world evaluates at least 240 questions: " + evaluated.size());
        Set<String> pretraining = new HashSet<>();
        for (PretrainingExample example : PretrainingData.corpus(config)) {
            pretraining.add(example.question());
        }
        assertFalse(pretraining.isEmpty());
        assertDisjoint(evaluated, pretraining, "the pre-training corpus");
        assertFalse(workload.domainUsers().isEmpty());
        assertDisjoint(evaluated, questionsOf(workload.domainUsers()), "the domain users' data");
        Set<String> probes = new HashSet<>();
        workload.probes().forEach(probe -> probes.add(probe.question()));
        assertFalse(probes.isEmpty());
        assertDisjoint(evaluated, probes, "the distillation probes");
    }

    @Test
    void prefEvalsTestItemsAreNeverTrainedOn() {
        Assumptions.assumeTrue(PrefEvalLocation.find().isPresent(), "PrefEval is read from ../shared/datasets/prefeval");
        RunConfig config = config(Workloads.PREFEVAL);
        Workload workload = Workloads.load(config, Workloads.PREFEVAL);
        Set<String> evaluated = evaluatedQuestions(workload);
        assertTrue(evaluated.size() >= 100, "quick evaluates 15 items per topic: " + evaluated.size());
        assertDisjoint(evaluated, questionsOf(workload.domainUsers()), "the domain items");
        Set<String> probes = new HashSet<>();
        workload.probes().forEach(probe -> probes.add(probe.question()));
        assertDisjoint(evaluated, probes, "the probes");
        Set<String> pretraining = new HashSet<>();
        for (PretrainingExample example : PretrainingData.prefEvalCorpus(config)) {
            pretraining.add(example.question());
        }
        assertDisjoint(evaluated, pretraining, "PrefEval's pre-training topics");
    }
}
