package org.adaptbench.finetune;

import java.util.List;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.OptionScorer;
import org.adaptbench.finetune.model.OptionScores;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.train.AdapterTrainer;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.Pretraining;
import org.adaptbench.finetune.train.TrainedAdapter;
import org.adaptbench.finetune.train.TrainingConfig;

/** A tiny pre-trained model shared by the tests of one JVM (pre-training takes a few seconds). */
public final class TestModels {

    public static final SyntheticWorld WORLD = new SyntheticWorld(16, 4, 7);
    public static final ModelConfig CONFIG = new ModelConfig(16, 8, 32, 16, 3);
    public static final TrainingConfig PRETRAINING = new TrainingConfig(15, 32, 3e-3, 1, ContextUse.AS_GIVEN);

    private static ScoringModel pretrained;
    private static List<LabelledExample> examples;

    private TestModels() {
    }

    public static synchronized List<LabelledExample> pretrainingExamples() {
        if (examples == null) {
            examples = WORLD.pretraining(1200);
        }
        return examples;
    }

    /** The shared model: never close it, and leave its weights as you found them. */
    public static synchronized ScoringModel pretrained() {
        if (pretrained == null) {
            pretrained = Pretraining.pretrain(CONFIG, PRETRAINING, pretrainingExamples()).model();
        }
        return pretrained;
    }

    /** Trains an adapter on {@code registry}'s base model and registers it attached, as the harness does. */
    public static TrainedAdapter train(AdapterRegistry registry, String name, List<LabelledExample> examples, AdapterTrainingConfig config) {
        TrainedAdapter trained = AdapterTrainer.train(registry.base(), name, examples, config);
        registry.register(trained.adapter());
        return trained;
    }

    public static double accuracy(OptionScorer scorer, List<LabelledExample> examples) {
        List<OptionScores> scores = scorer.score(examples.stream().map(LabelledExample::prompt).toList());
        int correct = 0;
        for (int i = 0; i < scores.size(); i++) {
            if (scores.get(i).choice() == examples.get(i).target().argmax()) {
                correct++;
            }
        }
        return correct / (double) scores.size();
    }

    public static List<Prompt> prompts(List<LabelledExample> examples) {
        return examples.stream().map(LabelledExample::prompt).toList();
    }
}
