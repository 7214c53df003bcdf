package org.adaptbench.finetune.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CosineBaselineScorerTest {

    @Test
    void prefersTheOptionClosestToQuestionAndContext() {
        float[] question = {1, 0, 0};
        float[] memory = {0, 1, 0};
        float[] likeMemory = {0, 1, 0.1f};
        float[] unrelated = {0, 0, 1};
        CosineBaselineScorer scorer = new CosineBaselineScorer();
        assertEquals(0, scorer.score(List.of(new Prompt(question, List.of(memory), List.of(likeMemory, unrelated)))).get(0).choice());
        assertEquals(1, scorer.score(List.of(new Prompt(question, List.of(), List.of(unrelated, question)))).get(0).choice());
    }
}
