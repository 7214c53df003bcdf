package org.adaptbench.finetune.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.PromptTensors;
import org.adaptbench.finetune.runtime.TorchRuntime;

/**
 * Cross-entropy of the options' softmax to each example's target distribution, averaged over the
 * batch. A hard label is a one-hot target; for a soft target this equals KL(target ‖ model) plus
 * the target's entropy, a constant, so it has the same gradient as the KL divergence.
 */
public final class OptionLoss {

    private OptionLoss() {
    }

    /** Target distributions [batch, maxOptions], zero on padded options. */
    public static NDArray targets(NDManager manager, List<LabelledExample> batch, PromptTensors tensors) {
        int options = tensors.maxOptions();
        float[] values = new float[batch.size() * options];
        for (int row = 0; row < batch.size(); row++) {
            double[] distribution = batch.get(row).target().distribution(tensors.optionCount(row));
            for (int k = 0; k < distribution.length; k++) {
                values[row * options + k] = (float) distribution[k];
            }
        }
        return TorchRuntime.tensor(manager, values, new Shape(batch.size(), options));
    }

    /** Scalar mean cross-entropy of {@code logits} [batch, K] to {@code targets} [batch, K]. */
    public static NDArray crossEntropy(NDArray logits, NDArray targets) {
        // padded options sit at -1e9: their log-probability is large but finite, and their target is 0
        return logits.logSoftmax(1).mul(targets).sum(new int[] {1}).mean().neg();
    }
}
