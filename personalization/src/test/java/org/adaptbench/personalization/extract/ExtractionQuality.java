package org.adaptbench.personalization.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Precision and recall of an extractor over {@link LabelledTurns}, with the misses for diagnosis. */
record ExtractionQuality(int predicted, int correctPredictions, int labelled, int found, int slotCorrect, List<String> errors) {

    double precision() {
        return predicted == 0 ? 0 : (double) correctPredictions / predicted;
    }

    double recall() {
        return labelled == 0 ? 0 : (double) found / labelled;
    }

    /** Share of found preference turns whose slot was also right. */
    double slotAccuracy() {
        return found == 0 ? 0 : (double) slotCorrect / found;
    }

    /**
     * A signal is correct when its action fits the label (remember for statements, changes and
     * picks; forget for deletions); a labelled turn is found when one correct signal comes from it.
     */
    static ExtractionQuality measure(PreferenceExtractor extractor, List<LabelledTurns.Labelled> turns) {
        int predicted = 0;
        int correct = 0;
        int labelled = 0;
        int found = 0;
        int slotCorrect = 0;
        List<String> errors = new ArrayList<>();
        for (LabelledTurns.Labelled turn : turns) {
            List<PreferenceSignal> signals = extractor.extract("fixture-user", turn.turn()).signals();
            PreferenceSignal.Action expected = turn.label() == LabelledTurns.Label.DELETION ? PreferenceSignal.Action.FORGET
                    : PreferenceSignal.Action.REMEMBER;
            boolean preference = turn.label() != LabelledTurns.Label.FILLER;
            labelled += preference ? 1 : 0;
            boolean hit = false;
            boolean slotHit = false;
            for (PreferenceSignal signal : signals) {
                predicted++;
                if (preference && signal.action() == expected) {
                    correct++;
                    hit = true;
                    slotHit |= signal.slot().equals(turn.slot());
                } else {
                    errors.add("false " + signal.action() + " on " + turn.label() + ": " + turn.turn().text());
                }
            }
            if (preference && !hit) {
                errors.add("missed " + turn.label() + ": " + turn.turn().text());
            }
            if (hit && !slotHit) {
                errors.add(String.format(Locale.US, "wrong slot (expected %s, got %s): %s", turn.slot(),
                        signals.stream().map(PreferenceSignal::slot).toList(), turn.turn().text()));
            }
            found += hit ? 1 : 0;
            slotCorrect += slotHit ? 1 : 0;
        }
        return new ExtractionQuality(predicted, correct, labelled, found, slotCorrect, errors);
    }

    @Override
    public String toString() {
        return String.format(Locale.US, "precision %.3f (%d/%d), recall %.3f (%d/%d), slot accuracy %.3f (%d/%d)%n  %s",
                precision(), correctPredictions, predicted, recall(), found, labelled, slotAccuracy(), slotCorrect, found,
                String.join("\n  ", errors));
    }
}
