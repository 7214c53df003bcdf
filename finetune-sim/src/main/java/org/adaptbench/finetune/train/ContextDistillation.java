package org.adaptbench.finetune.train;

import java.util.ArrayList;
import java.util.List;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.OptionScorer;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.Target;

/**
 * Context distillation: the teacher answers each prompt WITH the user's stated preference in
 * context; the student (an adapter) is taught to reproduce that distribution with an EMPTY context,
 * so it must internalise the preference.
 */
public final class ContextDistillation {

    private ContextDistillation() {
    }

    /**
     * Soft-target examples: each prompt stripped of its context, labelled with the teacher's
     * probabilities on the prompt as given (with context). A temperature below 1 sharpens them.
     */
    public static List<LabelledExample> softTargets(OptionScorer teacher, List<Prompt> promptsWithContext, double temperature) {
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
        if (promptsWithContext.isEmpty()) {
            return List.of();
        }
        List<OptionScores> scores = teacher.score(promptsWithContext);
        List<LabelledExample> examples = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            double[] logits = scores.get(i).logits();
            for (int k = 0; k < logits.length; k++) {
                logits[k] /= temperature;
            }
            examples.add(new LabelledExample(promptsWithContext.get(i).withoutContext(), Target.soft(new OptionScores(logits).probabilities())));
        }
        return examples;
    }
}
