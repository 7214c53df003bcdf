package org.adaptbench.finetune.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adaptbench.finetune.SyntheticWorld;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;
import org.junit.jupiter.api.Test;

class AdapterTrainerTest {

    /**
     * At this size the CPU kernels' rounding depended on buffer alignment when tensors wrapped Java
     * buffers, and two identical runs diverged within a few Adam steps; they must be bit-identical.
     */
    @Test
    void trainingIsBitIdenticalAcrossRunsAtAWiderShape() {
        ModelConfig config = new ModelConfig(128, 8, 128, 16, 3);
        SplittableRandom random = new SplittableRandom(5);
        List<LabelledExample> examples = new ArrayList<>();
        for (int n = 0; n < 112; n++) {
            List<float[]> options = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                options.add(SyntheticWorld.unit(SyntheticWorld.gaussian(random, 128)));
            }
            examples.add(LabelledExample.hard(new Prompt(SyntheticWorld.unit(SyntheticWorld.gaussian(random, 128)), List.of(), options),
                    random.nextInt(4)));
        }
        AdapterTrainingConfig training = new AdapterTrainingConfig(new LoraConfig(4, 8, LoraConfig.HIDDEN_AND_ATTENTION),
                TrainingConfig.adapter(3).withEpochs(1));
        try (ScoringModel model = ScoringModel.initialise(config)) {
            TrainedAdapter first = AdapterTrainer.train(model, "a", examples, training);
            TrainedAdapter second = AdapterTrainer.train(model, "a", examples, training);
            assertEquals(first.adapter().factors(), second.adapter().factors());
            assertEquals(first.report().finalLoss(), second.report().finalLoss());
            // the scratch copies, gradients and Adam state of a run are all freed with it
            int arrays = model.manager().getManagedArrays().size();
            AdapterTrainer.train(model, "a", examples, training);
            assertEquals(arrays, model.manager().getManagedArrays().size());
        }
    }
}
