package org.adaptbench.harness.approach.basic;

import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.harness.approach.Approach;
import org.adaptbench.harness.approach.ApproachFactory;
import org.adaptbench.harness.approach.DeletionRequest;
import org.adaptbench.harness.approach.Effort;
import org.adaptbench.harness.approach.Response;
import org.adaptbench.harness.model.AnswerModel;
import org.adaptbench.harness.model.Prompt;

/**
 * A model with nothing injected, so it answers every user alike: the {@code none} control on the
 * base model, or a shared adapter on its own ("combined/adapter-only").
 */
public final class NoneApproach implements Approach {

    /** The {@code none} control: the run's answer model, unchanged. */
    public static final ApproachFactory FACTORY = (variant, context) -> new NoneApproach(variant.wireName(),
            context.bench().answerModel());

    private final String name;
    private final AnswerModel model;

    public NoneApproach(String name, AnswerModel model) {
        this.name = name;
        this.model = model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Effort learn(String userId, Turn turn) {
        return Effort.NONE;
    }

    @Override
    public Effort forget(String userId, DeletionRequest request) {
        return Effort.NONE;
    }

    @Override
    public Response answer(String userId, Query query) {
        long start = System.nanoTime();
        var decision = model.decide(Prompt.withoutContext(query.question(), query.options()));
        return new Response(decision, 0, System.nanoTime() - start);
    }

    @Override
    public long bytesStored(String userId) {
        return 0;
    }
}
