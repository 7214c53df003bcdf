package org.adaptbench.finetune.train;

import ai.djl.ndarray.NDArray;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.checkpoint.CheckpointFormatException;
import org.adaptbench.finetune.checkpoint.CheckpointReader;
import org.adaptbench.finetune.checkpoint.CheckpointWriter;
import org.adaptbench.finetune.lora.AdapterBinding;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.PromptTensors;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.runtime.Platform;
import org.adaptbench.finetune.runtime.TorchRuntime;

/**
 * Pre-trains the base model on caller-supplied examples (seeded, deterministic on CPU) and caches
 * the checkpoint by a hash of model config, training config, training data, the model code's version
 * and the platform, so a second run with the same inputs on the same platform loads instead of
 * training. Another platform may round differently and so trains its own.
 */
public final class Pretraining {

    /**
     * Version of the network and training code: bump it whenever a change to the code that computes
     * the base model (its layers and forward pass, the packing of prompts, the loss, the batching, the
     * optimisation loop, the runtime's numerics) can change the weights a seed produces, so a checkpoint
     * of the old code is never loaded as if the new code had trained it. {@code ModelCodeVersionTest}
     * fails when that code changes and the version was not bumped.
     */
    public static final int MODEL_CODE_VERSION = 3;

    private static final String MAGIC = "ADAPTBENCH-PRETRAINED";
    private static final int FORMAT = 1;

    private Pretraining() {
    }

    /** {@code $XDG_CACHE_HOME/adaptbench/base-models}, or {@code ~/.cache/adaptbench/base-models}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Paths.get(xdg) : Paths.get(System.getProperty("user.home"), ".cache");
        return root.resolve("adaptbench").resolve("base-models");
    }

    /** Loads the cached model for these inputs from {@code cacheDir}, or trains it and stores it there. */
    public static PretrainedModel pretrainOrLoad(ModelConfig model, TrainingConfig training, List<LabelledExample> examples,
            Path cacheDir) {
        return loadOrTrain(cacheKey(model, training, examples), () -> examples, model, training, cacheDir);
    }

    /**
     * Loads the cached model for inputs named by {@code inputs} from {@code cacheDir}, or builds the
     * examples and trains it. {@code inputs} is a digest of everything the examples are computed from
     * (texts, labels and the embedding model that turns them into vectors), so a cached model is found
     * without computing a single example: a run that finds its base model cached embeds nothing for it.
     */
    public static PretrainedModel pretrainOrLoad(ModelConfig model, TrainingConfig training, String inputs,
            Supplier<List<LabelledExample>> examples, Path cacheDir) {
        return loadOrTrain(cacheKey(model, training, inputs), examples, model, training, cacheDir);
    }

    private static PretrainedModel loadOrTrain(String key, Supplier<List<LabelledExample>> examples, ModelConfig model,
            TrainingConfig training, Path cacheDir) {
        Path file = cacheDir.resolve("base-" + key.substring(0, 32) + ".ckpt");
        if (Files.isRegularFile(file)) {
            try {
                return read(file, key);
            } catch (CheckpointFormatException e) {
                // a damaged cache entry is rebuilt, never trusted
                System.getLogger(Pretraining.class.getName()).log(System.Logger.Level.WARNING,
                        "ignoring unusable cached base model, training again: " + e.getMessage());
            }
        }
        PretrainedModel trained = pretrain(model, training, examples.get());
        CheckpointWriter writer = new CheckpointWriter(MAGIC, FORMAT).writeString(key);
        TrainingReport report = trained.report();
        writer.writeString(report.name()).writeLong(report.wallNanos()).writeInt(report.steps()).writeInt(report.examples())
                .writeLong(report.trainableParameters()).writeDouble(report.estimatedFlops()).writeDouble(report.finalLoss());
        trained.model().writeTo(writer);
        writer.writeTo(file);
        return new PretrainedModel(trained.model(), report, false, key, Optional.of(file));
    }

    /** The cache key of examples named by a digest of what they are computed from, on this platform. */
    public static String cacheKey(ModelConfig model, TrainingConfig training, String inputs) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((MAGIC + FORMAT + ";code=" + MODEL_CODE_VERSION + ";" + TorchRuntime.platform().canonical() + ";"
                    + model.canonical() + training.canonical() + ";inputs=" + inputs).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Trains a base model from its seeded initialisation, without any cache. */
    public static PretrainedModel pretrain(ModelConfig model, TrainingConfig training, List<LabelledExample> examples) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("cannot pre-train on zero examples");
        }
        checkDimensions(model, examples);
        String key = cacheKey(model, training, examples);
        List<List<LabelledExample>> batches = Batches.shuffled(examples, training.batchSize(), training.epochs(), training.seed());
        int stepsPerEpoch = batches.size() / training.epochs();
        Map<String, float[]> trained;
        GradientTraining.Outcome outcome;
        try (ScoringModel scratch = ScoringModel.initialise(model)) {
            scratch.setTrainable(true);
            List<GradientTraining.Trainable> trainables = new ArrayList<>();
            scratch.getParameters().forEach(pair -> trainables.add(new GradientTraining.Trainable(pair.getKey(), pair.getValue().getArray())));
            boolean dropContext = training.contextUse().dropsContext();
            outcome = GradientTraining.run(trainables, batches.size(), stepsPerEpoch, training.learningRate(), scratch.manager(),
                    (scope, step) -> {
                        List<LabelledExample> batch = batches.get(step);
                        PromptTensors tensors = PromptTensors.pack(scope, prompts(batch), model.inputDim(), dropContext);
                        NDArray logits = scratch.forward(tensors, AdapterBinding.NONE);
                        return OptionLoss.crossEntropy(logits, OptionLoss.targets(scope, batch, tensors));
                    });
            scratch.setTrainable(false);
            trained = scratch.weights();
        }
        ScoringModel result = ScoringModel.fromWeights(model, trained);
        TrainingReport report = new TrainingReport("base", outcome.wallNanos(), outcome.steps(), examples.size(),
                model.parameterCount(), FlopEstimate.fullTraining(model, examples, training.epochs(), training.contextUse()),
                outcome.meanLastEpochLoss());
        return new PretrainedModel(result, report, false, key, Optional.empty());
    }

    /**
     * SHA-256 over the model code's version, the platform the engine computes on (loads the engine),
     * the configs and every number of every example, in order.
     */
    public static String cacheKey(ModelConfig model, TrainingConfig training, List<LabelledExample> examples) {
        return cacheKey(model, training, examples, TorchRuntime.platform());
    }

    /** The cache key of these inputs trained on {@code platform}. */
    static String cacheKey(ModelConfig model, TrainingConfig training, List<LabelledExample> examples, Platform platform) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((MAGIC + FORMAT + ";code=" + MODEL_CODE_VERSION + ";" + platform.canonical() + ";" + model.canonical()
                    + training.canonical()).getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.allocate(8);
            for (LabelledExample example : examples) {
                Prompt prompt = example.prompt();
                updateVector(digest, prompt.question());
                updateInt(digest, buffer, prompt.contextSize());
                prompt.context().forEach(vector -> updateVector(digest, vector));
                updateInt(digest, buffer, prompt.optionCount());
                prompt.options().forEach(vector -> updateVector(digest, vector));
                for (double p : example.target().distribution(prompt.optionCount())) {
                    buffer.clear();
                    digest.update(buffer.putDouble(p).array());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Fails, naming the example, unless every vector has the model's input dimension. */
    public static void checkDimensions(ModelConfig model, List<LabelledExample> examples) {
        for (int i = 0; i < examples.size(); i++) {
            int dimension = examples.get(i).prompt().dimension();
            if (dimension != model.inputDim()) {
                throw new IllegalArgumentException("example " + i + " has vectors of dimension " + dimension
                        + ", the model expects " + model.inputDim());
            }
        }
    }

    static List<Prompt> prompts(List<LabelledExample> batch) {
        List<Prompt> prompts = new ArrayList<>(batch.size());
        for (LabelledExample example : batch) {
            prompts.add(example.prompt());
        }
        return prompts;
    }

    private static PretrainedModel read(Path file, String key) {
        CheckpointReader reader = CheckpointReader.open(file, MAGIC, FORMAT);
        String foundKey = reader.readString();
        if (!foundKey.equals(key)) {
            throw new CheckpointFormatException(file + " was trained on other data or config (cache key " + foundKey.substring(0, 12) + ")");
        }
        TrainingReport report = new TrainingReport(reader.readString(), reader.readLong(), reader.readInt(), reader.readInt(),
                reader.readLong(), reader.readDouble(), reader.readDouble());
        ScoringModel model = ScoringModel.readFrom(reader);
        try {
            reader.expectEnd();
        } catch (CheckpointFormatException e) {
            model.close();
            throw e;
        }
        return new PretrainedModel(model, report, true, key, Optional.of(file));
    }

    private static void updateVector(MessageDigest digest, float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES);
        for (float value : vector) {
            bytes.putFloat(value);
        }
        digest.update(bytes.array());
    }

    private static void updateInt(MessageDigest digest, ByteBuffer buffer, int value) {
        buffer.clear();
        digest.update(buffer.putInt(value).array(), 0, Integer.BYTES);
    }
}
