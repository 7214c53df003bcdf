package org.adaptbench.harness.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.harness.model.Prompt;
import org.adaptbench.harness.workload.Workload;

/**
 * The model given exactly the gold evidence turns as context: the ceiling of what injecting memory
 * can reach with this model. Run with the trained base model and with the untrained cosine baseline,
 * it also shows what pre-training bought.
 */
public final class OracleContextControl {

    private OracleContextControl() {
    }

    /** User → accuracy over the user's scored queries that have gold evidence. */
    public static Map<String, Double> perUserAccuracy(Workload workload, AnswerModel model) {
        Map<String, Double> accuracy = new TreeMap<>();
        for (UserData user : workload.scoredUsers()) {
            Map<String, Turn> turns = new java.util.HashMap<>();
            user.history().forEach(turn -> turns.put(turn.turnId(), turn));
            int correct = 0;
            int asked = 0;
            for (Query query : user.queries()) {
                if (!workload.isEvaluated(user, query) || query.evidenceTurnIds().isEmpty()) {
                    continue;
                }
                List<String> context = new ArrayList<>();
                for (String id : query.evidenceTurnIds()) {
                    Turn turn = turns.get(id);
                    context.add(turn.choice().map(choice -> choice.chosen()).orElse(turn.text()));
                }
                asked++;
                correct += model.decide(new Prompt(query.question(), query.options(), context, String.join("\n", context))).chosen()
                        == query.correctIndex() ? 1 : 0;
            }
            if (asked > 0) {
                accuracy.put(user.userId(), correct / (double) asked);
            }
        }
        return accuracy;
    }
}
