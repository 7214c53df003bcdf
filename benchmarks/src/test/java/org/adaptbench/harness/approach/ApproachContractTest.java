package org.adaptbench.harness.approach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Role;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.TurnLabel;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.replay.Replay;
import org.junit.jupiter.api.Test;

/**
 * The contract every approach of the registry keeps, in the style of LangChain4j's
 * {@code EmbeddingStoreIT}: each approach's test extends this class and names the approach. The
 * approaches that need no weights answer with a fake model; adapter approaches use a base model
 * pre-trained for seconds on a tiny world (see {@link ContractFixture}).
 */
public abstract class ApproachContractTest {

    /** A preference statement and a request to forget it, in words no data set uses. */
    static final String STATEMENT = "I prefer short answers that stick to a few sentences.";
    static final String DELETION = "Please forget that I prefer short answers.";

    /** The approach under test, as its results name spells it ("memory", "user-lora/every-event"). */
    protected abstract String approach();

    protected ApproachSpec spec() {
        return ApproachSpec.parse(approach());
    }

    private static ContractFixture fixture() {
        return ContractFixture.get();
    }

    /** A fresh instance on a fresh context, trained on the population first if it trains in batch. */
    private Approach fresh(ApproachContext context) {
        Approach approach = spec().create(context);
        approach.prepare(context.workload().dataset().users());
        return approach;
    }

    private static UserData user() {
        return fixture().workload.scoredUsers().get(0);
    }

    /** The user's scored queries: those asked after the training prefix batch-trained adapters learn from. */
    private static List<Query> queries(UserData user) {
        return user.queries().stream().filter(query -> fixture().workload.isEvaluated(user, query)).toList();
    }

    private Map<String, double[]> replayAnswers(ApproachContext context, UserData user) {
        Map<String, double[]> answers = new LinkedHashMap<>();
        try (Approach approach = fresh(context)) {
            Replay.of(user).queries(query -> fixture().workload.isEvaluated(user, query)).play(approach, new Replay.Listener() {
                @Override
                public void answered(UserData u, Query query, Response response) {
                    answers.put(query.queryId(), response.decision().probabilities());
                }
            });
        }
        return answers;
    }

    @Test
    public void answersDependOnlyOnTheTurnsBeforeEachQuery() {
        UserData user = user();
        Map<String, double[]> full = replayAnswers(fixture().newContext(), user);
        List<Query> queries = queries(user);
        assertTrue(!queries.isEmpty(), "the fixture user has queries");
        for (Query query : List.of(queries.get(0), queries.get(queries.size() - 1))) {
            double[][] alone = new double[1][];
            try (Approach approach = fresh(fixture().newContext())) {
                Replay.of(user).through(query.visibleTurns()).queries(q -> q.queryId().equals(query.queryId()))
                        .play(approach, new Replay.Listener() {
                            @Override
                            public void answered(UserData u, Query q, Response response) {
                                alone[0] = response.decision().probabilities();
                            }
                        });
            }
            assertArrayEquals(full.get(query.queryId()), alone[0], approach() + " answered " + query.queryId()
                    + " differently once the turns after it were never played: it used what came later");
        }
    }

    @Test
    public void refusesAQueryThatMaySeeLessThanItTrainedOn() {
        assumeTrue(spec().has(Capability.RETRAINS_PER_USER)
                || spec().has(Capability.BATCH_TRAINED) && !spec().has(Capability.DOMAIN_ADAPTER),
                "only approaches that train on the user's own turns can train past a query");
        UserData user = user();
        Query early = queries(user).get(0);
        Query asked = new Query(early.queryId() + "/early", early.question(), early.options(), early.correctIndex(), 0,
                List.of(), early.dimension(), early.group(), early.majorityRate());
        try (Approach approach = fresh(fixture().newContext())) {
            user.history().forEach(turn -> Replay.deliver(approach, user.userId(), turn));
            assertThrows(IllegalStateException.class, () -> approach.answer(user.userId(), asked),
                    approach() + " answered a query asked before the turns it was trained on");
        }
    }

    @Test
    public void effortIsNeverNegativeNorEffectiveBeforeTheTurnWasSaid() {
        UserData user = user();
        List<Effort> efforts = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        try (Approach approach = fresh(fixture().newContext())) {
            Replay.of(user).queries(query -> fixture().workload.isEvaluated(user, query)).play(approach, new Replay.Listener() {
                @Override
                public void delivered(UserData u, int index, Turn turn, Effort effort) {
                    efforts.add(effort);
                    turns.add(turn);
                }
            });
        }
        for (int i = 0; i < efforts.size(); i++) {
            Effort effort = efforts.get(i);
            assertTrue(effort.computeNanos() >= 0 && effort.trainingSteps() >= 0 && effort.trainingFlops() >= 0);
            if (effort.changedBehaviour()) {
                assertTrue(effort.effectiveAtMillis().getAsLong() >= turns.get(i).timestamp(),
                        approach() + " changed behaviour before turn " + turns.get(i).turnId() + " was said");
            }
        }
    }

    @Test
    public void forgettingAStatedPreferenceKeepsNothingOfIt() {
        assumeTrue(spec().has(Capability.FORGETS_SELECTIVELY), "the approach does not claim to forget one preference");
        String userId = "contract-user";
        try (Approach approach = fresh(fixture().newContext())) {
            approach.learn(userId, Turn.of("s1", Role.USER, STATEMENT, 1_000, TurnLabel.UNKNOWN));
            long kept = approach.bytesStored(userId);
            assertTrue(kept > 0, approach() + " keeps nothing of a stated preference");
            Effort effort = approach.forget(userId, new DeletionRequest("d1", DELETION, 2_000));
            assertTrue(effort.changedBehaviour(), approach() + " says the deletion changed nothing");
            assertTrue(approach.bytesStored(userId) < kept, approach() + " keeps as much after the deletion as before it");
        }
    }

    @Test
    public void bytesStoredGrowsWithWhatItKeeps() {
        String userId = "contract-user";
        try (Approach approach = fresh(fixture().newContext())) {
            long before = approach.bytesStored(userId);
            approach.learn(userId, Turn.of("s1", Role.USER, STATEMENT, 1_000, TurnLabel.UNKNOWN));
            long after = approach.bytesStored(userId);
            if (spec().has(Capability.LEARNS_PER_USER)) {
                assertTrue(after > before, approach() + " learns per user but stored nothing for a stated preference");
            } else {
                assertEquals(before, after, approach() + " does not learn per user but its storage moved");
            }
        }
    }

    @Test
    public void closingTwiceIsSafe() {
        Approach approach = fresh(fixture().newContext());
        approach.close();
        assertDoesNotThrow(approach::close);
    }

    @Test
    public void sameSeedGivesTheSameAnswers() {
        UserData user = user();
        Map<String, double[]> first = replayAnswers(fixture().newContext(), user);
        Map<String, double[]> second = replayAnswers(fixture().newContext(), user);
        assertEquals(first.keySet(), second.keySet());
        first.forEach((query, probabilities) -> assertArrayEquals(probabilities, second.get(query), approach() + " " + query));
    }
}
