package org.adaptbench.personalization.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IntentModelTest {

    @Test
    void crossValidation() {
        List<IntentModel.Example> all = IntentModel.bundledExamples();
        for (double l2 : new double[] {0.001, 0.01}) {
            for (double lr : new double[] {0.1, 0.3}) {
                for (int it : new int[] {100, 1000}) {
                    IntentModel.Training t = new IntentModel.Training(l2, lr, it);
                    int right = 0;
                    for (int fold = 0; fold < 5; fold++) {
                        List<IntentModel.Example> train = new ArrayList<>();
                        List<IntentModel.Example> test = new ArrayList<>();
                        for (int i = 0; i < all.size(); i++) {
                            (i % 5 == fold ? test : train).add(all.get(i));
                        }
                        IntentModel model = new IntentModel(LabelledTurns.MINILM, train, t);
                        for (IntentModel.Example e : test) {
                            right += model.classify("u", e.text()).top() == e.intent() ? 1 : 0;
                        }
                    }
                    System.out.printf(Locale.US, "l2 %.3f lr %.2f it %d: %.3f%n", l2, lr, it, (double) right / all.size());
                }
            }
        }
    }
}
