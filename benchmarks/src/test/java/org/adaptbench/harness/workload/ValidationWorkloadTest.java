package org.adaptbench.harness.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.config.RunConfig;
import org.junit.jupiter.api.Test;

/** The tuning search's validation world shares no user and no question (asked or offered as a choice) with the evaluation world. */
class ValidationWorkloadTest {

    private static Set<String> questionsOf(Iterable<UserData> users) {
        Set<String> questions = new HashSet<>();
        for (UserData user : users) {
            user.queries().forEach(query -> questions.add(query.question()));
            user.history().forEach(turn -> turn.choice().ifPresent(choice -> questions.add(choice.question())));
        }
        return questions;
    }

    @Test
    void validationUsersAndItemsAreNotEvaluationOnes() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("datasets", "[\"synthetic\"]");
        RunConfig config = RunConfig.of(ConfigResolver.bundled().resolve("quick", overrides));
        Workload evaluation = Workloads.load(config, Workloads.SYNTHETIC);
        Workload validation = Workloads.validation(config, 60, 40, 30);

        assertEquals(60, validation.dataset().users().size());
        assertEquals(30, validation.evaluated().size());
        assertTrue(validation.domainUsers().isEmpty(), "nothing of the validation world trains a domain adapter");
        Set<String> evaluationIds = new HashSet<>();
        evaluation.dataset().users().forEach(user -> evaluationIds.add(user.userId()));
        evaluation.domainUsers().forEach(user -> evaluationIds.add(user.userId()));
        validation.dataset().users().forEach(user -> assertFalse(evaluationIds.contains(user.userId()), user.userId()));

        Set<String> shared = questionsOf(validation.dataset().users());
        assertFalse(shared.isEmpty());
        shared.retainAll(questionsOf(evaluation.dataset().users()));
        assertTrue(shared.isEmpty(), shared.size() + " validation questions are evaluation questions, e.g. " + shared.stream().findFirst());
        assertEquals(validation.dataset().contentHash(), Workloads.validation(config, 60, 40, 30).dataset().contentHash(),
                "the same seed gives the same validation world");
    }
}
