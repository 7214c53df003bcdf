package org.adaptbench.harness.approach.basic;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.ApproachFactory;
import org.adaptbench.harness.approach.ContextPreview;
import org.adaptbench.harness.approach.DeletionRequest;
import org.adaptbench.harness.approach.Effort;
import org.adaptbench.harness.approach.Response;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.harness.model.Prompt;
import org.adaptbench.personalization.context.TokenCounter;

/**
 * The whole conversation history in the context of every request: nothing is selected or forgotten
 * except on an explicit deletion request, and the token cost grows with the history.
 */
public final class FullContextApproach implements Approach, ContextPreview {

    /** The whole transcript in front of the run's answer model. */
    public static final ApproachFactory FACTORY = (variant, context) -> new FullContextApproach(variant.wireName(),
            context.bench().answerModel(), context.bench().tokens());

    private final String name;
    private final AnswerModel model;
    private final TokenCounter tokens;
    private final Map<String, List<Turn>> histories = new HashMap<>();

    public FullContextApproach(String name, AnswerModel model, TokenCounter tokens) {
        this.name = name;
        this.model = model;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Effort learn(String userId, Turn turn) {
        long start = System.nanoTime();
        histories.computeIfAbsent(userId, id -> new ArrayList<>()).add(turn);
        return Effort.effective(System.nanoTime() - start, turn.timestamp());
    }

    /**
     * A transcript has nothing to delete: the request becomes one more turn, and whether the model honours
     * "forget that I ..." is up to the model. The reversibility scenario measures what that is worth.
     */
    @Override
    public Effort forget(String userId, DeletionRequest request) {
        long start = System.nanoTime();
        histories.computeIfAbsent(userId, id -> new ArrayList<>())
                .add(Turn.of(request.turnId(), Role.USER, request.text(), request.timestamp(), TurnLabel.UNKNOWN));
        return Effort.effective(System.nanoTime() - start, request.timestamp());
    }

    @Override
    public Response answer(String userId, Query query) {
        long start = System.nanoTime();
        List<Turn> history = histories.getOrDefault(userId, List.of());
        List<String> items = history.stream().map(Turn::text).toList();
        String section = transcript(history);
        var decision = model.decide(new Prompt(query.question(), query.options(), items, section));
        int added = section.isEmpty() ? 0 : tokens.count(section);
        return new Response(decision, added, System.nanoTime() - start);
    }

    /** The whole transcript, whatever the budget: that is what this approach sends. */
    @Override
    public List<Shown> preview(String userId, Query query, List<Integer> tokenBudgets) {
        List<Turn> history = histories.getOrDefault(userId, List.of());
        String section = transcript(history);
        Shown shown = new Shown(section, section.isEmpty() ? 0 : tokens.count(section), history.stream().map(Turn::turnId).toList());
        return Collections.nCopies(tokenBudgets.size(), shown);
    }

    @Override
    public long bytesStored(String userId) {
        return histories.getOrDefault(userId, List.of()).stream()
                .mapToLong(turn -> turn.text().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    /** The history as a chat model would receive it, one line per turn. */
    static String transcript(List<Turn> history) {
        if (history.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Conversation so far:\n");
        for (Turn turn : history) {
            text.append(turn.role().wireName()).append(": ").append(turn.text()).append('\n');
        }
        return text.toString();
    }
}
