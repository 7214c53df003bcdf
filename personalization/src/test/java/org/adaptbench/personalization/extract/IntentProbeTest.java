package org.adaptbench.personalization.extract;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Scratch: prints intent scores for the sentences in -Dprobe.sentences (|-separated). */
class IntentProbeTest {

    @Test
    void probe() {
        String sentences = System.getProperty("probe.sentences", "");
        if (sentences.isEmpty()) {
            return;
        }
        IntentModel model = IntentModel.bundled(LabelledTurns.MINILM);
        for (String s : sentences.split("\\|")) {
            IntentModel.Scores scores = model.classify("u", s);
            System.out.printf(Locale.US, "%-70s P %.2f F %.2f X %.2f O %.2f  target=[%s]%n", s, scores.of(IntentModel.Intent.PREFERENCE),
                    scores.of(IntentModel.Intent.FEEDBACK), scores.of(IntentModel.Intent.FORGET), scores.of(IntentModel.Intent.OTHER),
                    GrammarCues.forgetTarget(s));
        }
    }
}
