package org.adaptbench.finetune.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.lora.AdapterBinding;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.lora.LowRankDelta;
import org.adaptbench.finetune.lora.LowRankFactors;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.PromptTensors;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.runtime.TorchRuntime;

/**
 * Trains LoRA adapters on a frozen base model: new adapters on labelled examples (hard or soft
 * targets), and gradient ascent on an existing adapter for approximate unlearning.
 *
 * <p>A is initialised uniform(±1/√in) from the seed and B with zeros, so a new adapter starts as the
 * base model. Only A and B are handed to the optimiser, as copies in a scratch manager: the base
 * weights never require gradients and stay bit-for-bit unchanged. When training drops the context,
 * layers that only see context (query, key_value) receive no gradient and are left out of the adapter.
 */
public final class AdapterTrainer {

    private AdapterTrainer() {
    }

    /** Trains a new adapter called {@code name} on {@code examples}. */
    public static TrainedAdapter train(ScoringModel base, String name, List<LabelledExample> examples, AdapterTrainingConfig config) {
        LoraAdapter.checkName(name);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("cannot train adapter " + name + " on zero examples");
        }
        ModelConfig model = base.config();
        Pretraining.checkDimensions(model, examples);
        TrainingConfig training = config.training();
        LoraConfig lora = config.lora().withTargets(trainableTargets(config.lora().targets(), training.contextUse(), name));
        lora.checkFits(model);
        List<List<LabelledExample>> batches = Batches.shuffled(examples, training.batchSize(), training.epochs(), training.seed());
        SplittableRandom random = new SplittableRandom(training.seed());
        Map<ModelLayer, LowRankFactors> initial = new EnumMap<>(ModelLayer.class);
        for (ModelLayer layer : lora.targets()) {
            int in = model.inputsOf(layer);
            int out = model.outputsOf(layer);
            float[] a = new float[lora.rank() * in];
            double bound = 1 / Math.sqrt(in);
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            initial.put(layer, new LowRankFactors(lora.rank(), in, out, a, new float[out * lora.rank()]));
        }
        LoraAdapter start = new LoraAdapter(name, lora, initial, base.identity());
        boolean dropContext = training.contextUse().dropsContext();
        RunResult run = optimise(base, start, lora.targets(), batches.size(), batches.size() / training.epochs(),
                training.learningRate(), (scope, step, binding) -> loss(base, scope, batches.get(step), binding, dropContext));
        double flops = FlopEstimate.adapterTraining(model, lora, examples, training.epochs(), training.contextUse());
        return new TrainedAdapter(run.adapter(), new TrainingReport(name, run.outcome().wallNanos(), run.outcome().steps(),
                examples.size(), lora.parameterCount(model), flops, run.outcome().meanLastEpochLoss()));
    }

    /**
     * Gradient ascent on {@code forget} for {@code config.steps()} steps, with a retain-set term when
     * {@code retain} is non-empty and the weight positive. Returns a new adapter of the same name.
     */
    public static TrainedAdapter ascend(ScoringModel base, LoraAdapter adapter, List<LabelledExample> forget,
            List<LabelledExample> retain, AscentConfig config) {
        if (forget.isEmpty()) {
            throw new IllegalArgumentException("nothing to unlearn from adapter " + adapter.name() + ": no examples to forget");
        }
        ModelConfig model = base.config();
        adapter.checkFits(model, base.identity());
        Pretraining.checkDimensions(model, forget);
        Pretraining.checkDimensions(model, retain);
        boolean dropContext = config.contextUse().dropsContext();
        boolean useRetain = !retain.isEmpty() && config.retainWeight() > 0;
        int forgetEpochs = epochsCovering(config.steps(), forget.size(), config.batchSize());
        List<List<LabelledExample>> forgetBatches = Batches.shuffled(forget, config.batchSize(), forgetEpochs, config.seed());
        List<List<LabelledExample>> retainBatches = useRetain
                ? Batches.shuffled(retain, config.batchSize(), epochsCovering(config.steps(), retain.size(), config.batchSize()), config.seed() + 1)
                : List.of();
        Set<ModelLayer> trained = EnumSet.copyOf(adapter.config().targets());
        if (dropContext) {
            trained.removeIf(ModelLayer::readsContext);
        }
        if (trained.isEmpty()) {
            throw new IllegalArgumentException("adapter " + adapter.name() + " only adapts context layers; ascent without context cannot change it");
        }
        RunResult run = optimise(base, adapter, trained, config.steps(), config.steps(), config.learningRate(), (scope, step, binding) -> {
            NDArray forgetLoss = loss(base, scope, forgetBatches.get(step), binding, dropContext).neg();
            if (!useRetain) {
                return forgetLoss;
            }
            NDArray retainLoss = loss(base, scope, retainBatches.get(step), binding, dropContext);
            return forgetLoss.add(retainLoss.mul(TorchRuntime.scalar(scope, (float) config.retainWeight())));
        });
        List<LabelledExample> seen = new ArrayList<>();
        for (int step = 0; step < config.steps(); step++) {
            seen.addAll(forgetBatches.get(step));
            if (useRetain) {
                seen.addAll(retainBatches.get(step));
            }
        }
        ContextUse contextUse = config.contextUse();
        double flops = FlopEstimate.adapterTraining(model, adapter.config(), seen, 1, contextUse);
        long trainable = adapter.config().withTargets(trained).parameterCount(model);
        return new TrainedAdapter(run.adapter(), new TrainingReport(adapter.name(), run.outcome().wallNanos(), run.outcome().steps(),
                forget.size() + (useRetain ? retain.size() : 0), trainable, flops, run.outcome().lastLoss()));
    }

    private static Set<ModelLayer> trainableTargets(Set<ModelLayer> requested, ContextUse contextUse, String name) {
        Set<ModelLayer> targets = EnumSet.copyOf(requested);
        if (contextUse.dropsContext()) {
            targets.removeIf(ModelLayer::readsContext);
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("adapter " + name + " targets only layers that read the context "
                    + requested + ", but training drops the context: add hidden_1, hidden_2 or score");
        }
        return targets;
    }

    private static int epochsCovering(int steps, int items, int batchSize) {
        int perEpoch = (items + batchSize - 1) / batchSize;
        return (steps + perEpoch - 1) / perEpoch;
    }

    private static NDArray loss(ScoringModel base, NDManager scope, List<LabelledExample> batch, AdapterBinding binding, boolean dropContext) {
        PromptTensors tensors = PromptTensors.pack(scope, Pretraining.prompts(batch), base.config().inputDim(), dropContext);
        NDArray logits = base.forward(tensors, binding);
        return OptionLoss.crossEntropy(logits, OptionLoss.targets(scope, batch, tensors));
    }

    @FunctionalInterface
    private interface AdapterLoss {
        NDArray loss(NDManager scope, int step, AdapterBinding binding);
    }

    private record RunResult(LoraAdapter adapter, GradientTraining.Outcome outcome) {
    }

    /** Copies {@code start} into a scratch manager, optimises the {@code trained} layers, and copies the result out. */
    private static RunResult optimise(ScoringModel base, LoraAdapter start, Set<ModelLayer> trained, int steps, int stepsPerEpoch,
            double learningRate, AdapterLoss adapterLoss) {
        LoraConfig lora = start.config();
        float scale = (float) lora.scale();
        try (NDManager scratch = base.manager().newSubManager()) {
            Map<ModelLayer, NDArray> a = new EnumMap<>(ModelLayer.class);
            Map<ModelLayer, NDArray> b = new EnumMap<>(ModelLayer.class);
            List<GradientTraining.Trainable> trainables = new ArrayList<>();
            start.factors().forEach((layer, f) -> {
                a.put(layer, TorchRuntime.tensor(scratch, f.a(), new Shape(f.rank(), f.inputs())));
                b.put(layer, TorchRuntime.tensor(scratch, f.b(), new Shape(f.outputs(), f.rank())));
                if (trained.contains(layer)) {
                    trainables.add(new GradientTraining.Trainable(layer.id() + ".lora_a", a.get(layer)));
                    trainables.add(new GradientTraining.Trainable(layer.id() + ".lora_b", b.get(layer)));
                }
            });
            GradientTraining.Outcome outcome = GradientTraining.run(trainables, steps, stepsPerEpoch, learningRate, scratch,
                    (scope, step) -> {
                        Map<ModelLayer, LowRankDelta> deltas = new EnumMap<>(ModelLayer.class);
                        for (ModelLayer layer : trained) {
                            // a PyTorch-owned scale: autograd keeps it for B's gradient (TorchRuntime.scalar says why)
                            NDArray scaledB = b.get(layer).mul(TorchRuntime.scalar(scope, scale));
                            scaledB.attach(scope);
                            deltas.put(layer, LowRankDelta.shared(a.get(layer), scaledB));
                        }
                        return adapterLoss.loss(scope, step, new AdapterBinding(deltas));
                    });
            Map<ModelLayer, LowRankFactors> result = new EnumMap<>(ModelLayer.class);
            start.factors().forEach((layer, f) -> result.put(layer,
                    new LowRankFactors(f.rank(), f.inputs(), f.outputs(), a.get(layer).toFloatArray(), b.get(layer).toFloatArray())));
            return new RunResult(new LoraAdapter(start.name(), lora, result, start.baseModelIdentity()), outcome);
        }
    }
}
