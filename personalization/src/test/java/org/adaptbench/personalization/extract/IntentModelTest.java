package org.adaptbench.personalization.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The sentence-intent model on its own hand-written examples and on sentences it was never trained on. */
class IntentModelTest {

    /**
     * 5-fold cross-validation on the bundled examples with the default settings: every fold's model
     * labels sentences it never saw. A grid over l2 0.001/0.01, learning rate 0.1/0.3 and 100/1000
     * iterations measured 0.881 to 0.895 by this figure: the settings matter little.
     */
    @Test
    void crossValidatedAccuracyOnTheBundledExamples() {
        List<IntentModel.Example> all = IntentModel.bundledExamples();
        int right = 0;
        for (int fold = 0; fold < 5; fold++) {
            List<IntentModel.Example> train = new ArrayList<>();
            List<IntentModel.Example> test = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                (i % 5 == fold ? test : train).add(all.get(i));
            }
            IntentModel model = new IntentModel(LabelledTurns.MINILM, train, IntentModel.Training.DEFAULTS);
            for (IntentModel.Example example : test) {
                right += model.classify("u", example.text()).top() == example.intent() ? 1 : 0;
            }
        }
        double accuracy = (double) right / all.size();
        System.out.printf(Locale.US, "intent model, 5-fold cross-validation on %d examples: %.3f%n", all.size(), accuracy);
        // a constant answer scores at most 0.34 (the largest class); an embedding-blind model far less than 0.85
        assertTrue(accuracy >= 0.85, () -> String.format(Locale.US, "cross-validated accuracy %.3f", accuracy));
    }

    @Test
    void handWrittenSentencesOfEveryIntent() {
        IntentModel model = IntentModel.bundled(LabelledTurns.MINILM);
        assertEquals(IntentModel.Intent.PREFERENCE, model.classify("u", "My favourite board games are the cooperative ones.").top());
        assertEquals(IntentModel.Intent.FORGET, model.classify("u", "Please erase what you stored about my gym routine.").top());
        assertEquals(IntentModel.Intent.OTHER, model.classify("u", "Which river runs through Vienna?").top());
        assertEquals(IntentModel.Intent.FEEDBACK, model.classify("u", "That was far too wordy, I wanted one line.").top());
    }

    @Test
    void theSameExamplesGiveTheSameModel() {
        IntentModel first = IntentModel.bundled(LabelledTurns.MINILM);
        IntentModel second = IntentModel.bundled(LabelledTurns.MINILM);
        String sentence = "I'd pick a quiet cafe over a busy bar any day.";
        assertEquals(first.classify("u", sentence), second.classify("u", sentence));
    }

    @Test
    void anUnknownIntentNamesItsLine() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IntentModel.Intent.parse("wish", 12));
        assertTrue(error.getMessage().contains("line 12"), error.getMessage());
    }
}
