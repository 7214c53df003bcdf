package org.adaptbench.finetune.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.adaptbench.finetune.runtime.TorchRuntime;

/**
 * The one optimisation loop of this module: for each step, a scoped forward pass with autograd
 * recording, backward, then Adam on the trainable arrays.
 *
 * <p>Runs on several threads at once do not meet: grad mode is per thread in PyTorch, each run's
 * graph ends at its own trainable arrays (the base weights never require gradients), and backward
 * runs on the calling thread ({@link TorchRuntime#backward}). DJL's gradient collector would allow
 * one run per process. The trainable arrays must live in a scratch manager that the caller closes
 * after copying the result out: Adam's state is allocated beside them and goes with it.
 */
public final class GradientTraining {

    private GradientTraining() {
    }

    /** A named array that the loop updates in place. */
    public record Trainable(String id, NDArray array) {
    }

    /** The scalar loss of one step, built inside {@code scope}. */
    @FunctionalInterface
    public interface StepLoss {
        NDArray loss(NDManager scope, int step);
    }

    /** Loss figures of a finished run. */
    public record Outcome(int steps, double lastLoss, double meanLastEpochLoss, long wallNanos) {
    }

    /**
     * Runs {@code steps} steps of Adam at {@code learningRate}; {@code stepsPerEpoch} decides which
     * steps count towards the last-epoch mean loss.
     */
    public static Outcome run(List<Trainable> trainables, int steps, int stepsPerEpoch, double learningRate,
            NDManager scopeParent, StepLoss stepLoss) {
        if (trainables.isEmpty()) {
            throw new IllegalArgumentException("nothing to train");
        }
        TorchRuntime.configureThread();
        long start = System.nanoTime();
        try {
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build();
            for (Trainable trainable : trainables) {
                trainable.array().setRequiresGradient(true);
            }
            double lastLoss = Double.NaN;
            double epochLoss = 0;
            int epochSteps = 0;
            for (int step = 0; step < steps; step++) {
                try (NDManager scope = scopeParent.newSubManager()) {
                    int current = step;
                    NDArray loss = TorchRuntime.recordingGradients(() -> stepLoss.loss(scope, current));
                    TorchRuntime.backward(loss);
                    lastLoss = loss.getFloat();
                    if (!Double.isFinite(lastLoss)) {
                        throw new IllegalStateException("training diverged: loss is " + lastLoss + " at step " + step);
                    }
                    for (Trainable trainable : trainables) {
                        // the gradient handle is a new array on the weight's manager: close it or it leaks per step
                        NDArray gradient = trainable.array().getGradient();
                        adam.update(trainable.id(), trainable.array(), gradient);
                        gradient.close();
                    }
                }
                if (step >= steps - stepsPerEpoch) {
                    epochLoss += lastLoss;
                    epochSteps++;
                }
            }
            return new Outcome(steps, lastLoss, epochLoss / Math.max(1, epochSteps), System.nanoTime() - start);
        } finally {
            for (Trainable trainable : trainables) {
                trainable.array().setRequiresGradient(false);
            }
            TorchRuntime.inferenceMode();
        }
    }
}
