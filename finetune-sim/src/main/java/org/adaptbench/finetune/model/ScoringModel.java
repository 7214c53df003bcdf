package org.adaptbench.finetune.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.checkpoint.CheckpointFormatException;
import org.adaptbench.finetune.checkpoint.CheckpointReader;
import org.adaptbench.finetune.checkpoint.CheckpointWriter;
import org.adaptbench.finetune.lora.AdapterBinding;
import org.adaptbench.finetune.lora.LoraLinear;
import org.adaptbench.finetune.runtime.TorchRuntime;

/**
 * The base model: a stand-in for an instruction-tuned LLM that can use injected memory. It scores
 * {@code (question, context, option)} from embedding vectors.
 *
 * <p>For each option, the query {@code W_q [q; o]} attends over the context vectors' keys plus a
 * learned null slot (so an empty or irrelevant context can be ignored); the pooled value {@code ctx}
 * joins {@code [q; o; q⊙o; ctx; o⊙ctx]} in a two-hidden-layer MLP that outputs the option's score.
 * Options compete through a softmax. With many context vectors the relevant one must win the
 * attention against the others, so accuracy is diluted as history grows, as in a real LLM.
 *
 * <p>Every Linear layer is a {@link LoraLinear}; adapters arrive with each forward pass as an
 * {@link AdapterBinding}. The base weights are frozen: only merging an adapter writes to them.
 */
public final class ScoringModel extends AbstractBlock implements OptionScorer, AutoCloseable {

    private static final byte VERSION = 1;
    private static final String MAGIC = "ADAPTBENCH-BASE-MODEL";
    private static final int FORMAT = 1;

    private final ModelConfig config;
    private final NDManager manager;
    private final Map<ModelLayer, LoraLinear> layers = new EnumMap<>(ModelLayer.class);
    private final Parameter nullKey;
    private final Parameter nullValue;
    private final float inverseSqrtAttention;
    private final String identity;

    private ScoringModel(ModelConfig config, NDManager manager, Map<String, float[]> weights) {
        super(VERSION);
        this.config = config;
        this.manager = manager;
        for (ModelLayer layer : ModelLayer.values()) {
            int in = config.inputsOf(layer);
            int out = config.outputsOf(layer);
            NDArray weight = TorchRuntime.tensor(manager, tensor(weights, layer.id() + ".weight", (long) out * in), new Shape(out, in));
            NDArray bias = TorchRuntime.tensor(manager, tensor(weights, layer.id() + ".bias", out), new Shape(out));
            layers.put(layer, addChildBlock(layer.id(), new LoraLinear(layer, weight, bias)));
        }
        NDArray key = TorchRuntime.tensor(manager, tensor(weights, "null_key", config.attentionDim()), new Shape(config.attentionDim()));
        NDArray value = TorchRuntime.tensor(manager, tensor(weights, "null_value", config.inputDim()), new Shape(config.inputDim()));
        this.nullKey = addParameter(Parameter.builder().setName("null_key").setType(Parameter.Type.OTHER)
                .optArray(key).optRequiresGrad(false).build());
        this.nullValue = addParameter(Parameter.builder().setName("null_value").setType(Parameter.Type.OTHER)
                .optArray(value).optRequiresGrad(false).build());
        this.inverseSqrtAttention = (float) (1 / Math.sqrt(config.attentionDim()));
        this.identity = digest(config, weights());
    }

    /** A fresh model with seeded weights (PyTorch's default uniform(±1/√in) for each Linear, a zero null slot). */
    public static ScoringModel initialise(ModelConfig config) {
        SplittableRandom random = new SplittableRandom(config.seed());
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (ModelLayer layer : ModelLayer.values()) {
            int in = config.inputsOf(layer);
            int out = config.outputsOf(layer);
            double bound = 1 / Math.sqrt(in);
            weights.put(layer.id() + ".weight", uniform(random, out * in, bound));
            weights.put(layer.id() + ".bias", uniform(random, out, bound));
        }
        weights.put("null_key", new float[config.attentionDim()]);
        weights.put("null_value", new float[config.inputDim()]);
        return fromWeights(config, weights);
    }

    /** A model with the given named weights (names and sizes as in {@link #weights()}); fails naming a missing or misfit tensor. */
    public static ScoringModel fromWeights(ModelConfig config, Map<String, float[]> weights) {
        NDManager manager = TorchRuntime.newManager();
        try {
            return new ScoringModel(config, manager, weights);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public ModelConfig config() {
        return config;
    }

    /**
     * SHA-256 of the configuration and the weights this model was built with: the base-model
     * identity recorded in adapter files. Merging an adapter does not change it.
     */
    public String identity() {
        return identity;
    }

    public LoraLinear layer(ModelLayer layer) {
        return layers.get(layer);
    }

    /** The manager that owns the weights; scopes for forward passes are opened under it. */
    public NDManager manager() {
        return manager;
    }

    /** A copy of every weight, by name, in a fixed order. */
    public Map<String, float[]> weights() {
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (LoraLinear layer : layers.values()) {
            weights.put(layer.layer().id() + ".weight", layer.weight().toFloatArray());
            weights.put(layer.layer().id() + ".bias", layer.bias().toFloatArray());
        }
        weights.put("null_key", nullKey.getArray().toFloatArray());
        weights.put("null_value", nullValue.getArray().toFloatArray());
        return weights;
    }

    /** The shape of each weight returned by {@link #weights()}. */
    public Map<String, long[]> weightShapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (ModelLayer layer : ModelLayer.values()) {
            shapes.put(layer.id() + ".weight", new long[] {config.outputsOf(layer), config.inputsOf(layer)});
            shapes.put(layer.id() + ".bias", new long[] {config.outputsOf(layer)});
        }
        shapes.put("null_key", new long[] {config.attentionDim()});
        shapes.put("null_value", new long[] {config.inputDim()});
        return shapes;
    }

    /**
     * Logits [batch, maxOptions] of a packed batch, padded options at {@link PromptTensors#MASKED}.
     * Arrays it creates belong to the managers of its inputs; callers run it inside a scope.
     */
    public NDArray forward(PromptTensors batch, AdapterBinding adapters) {
        TorchRuntime.configureThread(); // every entry point (scoring, training, the DJL block) runs its matmuls at one thread count
        int rows = batch.batchSize();
        int options = batch.maxOptions();
        int dimension = config.inputDim();
        NDManager scope = batch.question().getManager();
        NDArray question = batch.question().expandDims(1).broadcast(rows, options, dimension);
        NDArray option = batch.options();
        NDArray pooled;
        if (batch.context().isEmpty()) {
            // only the null slot is visible: attention puts all its weight there
            pooled = inScope(nullValue.getArray().broadcast(rows, options, dimension), scope);
        } else {
            NDArray query = layer(ModelLayer.QUERY).apply(NDArrays.concat(new NDList(question, option), 2),
                    adapters.deltaFor(ModelLayer.QUERY));
            NDList keyValue = layer(ModelLayer.KEY_VALUE).apply(batch.context().get(), adapters.deltaFor(ModelLayer.KEY_VALUE))
                    .split(new long[] {config.attentionDim()}, 2);
            NDArray nullKeys = inScope(nullKey.getArray().broadcast(rows, 1, config.attentionDim()), scope);
            NDArray nullValues = inScope(nullValue.getArray().broadcast(rows, 1, dimension), scope);
            NDArray keys = NDArrays.concat(new NDList(nullKeys, keyValue.get(0)), 1);
            NDArray values = NDArrays.concat(new NDList(nullValues, keyValue.get(1)), 1);
            // a PyTorch-owned scalar: autograd keeps the operand, and a Java one may be freed before backward
            NDArray attention = query.batchMatMul(keys.transpose(0, 2, 1)).mul(TorchRuntime.scalar(scope, inverseSqrtAttention));
            if (batch.contextMask().isPresent()) {
                attention = attention.add(batch.contextMask().get());
            }
            pooled = attention.softmax(2).batchMatMul(values);
        }
        NDArray features = NDArrays.concat(new NDList(question, option, question.mul(option), pooled, option.mul(pooled)), 2);
        NDArray hidden = Activation.relu(layer(ModelLayer.HIDDEN_1).apply(features, adapters.deltaFor(ModelLayer.HIDDEN_1)));
        hidden = Activation.relu(layer(ModelLayer.HIDDEN_2).apply(hidden, adapters.deltaFor(ModelLayer.HIDDEN_2)));
        NDArray logits = layer(ModelLayer.SCORE).apply(hidden, adapters.deltaFor(ModelLayer.SCORE)).squeeze(2);
        return batch.optionMask().isPresent() ? logits.add(batch.optionMask().get()) : logits;
    }

    /** Base-model scores (no adapter), one forward pass for the whole list. */
    @Override
    public List<OptionScores> score(List<Prompt> prompts) {
        return score(prompts, false, scope -> AdapterBinding.NONE);
    }

    /**
     * Scores {@code prompts} in one forward pass inside a scope that is closed before returning.
     *
     * @param dropContext true to ask every prompt with an empty context
     * @param adapters builds the adapter tensors for this batch inside the scope
     */
    public List<OptionScores> score(List<Prompt> prompts, boolean dropContext, Function<NDManager, AdapterBinding> adapters) {
        TorchRuntime.inferenceMode();
        try (NDManager scope = manager.newSubManager()) {
            PromptTensors batch = PromptTensors.pack(scope, prompts, config.inputDim(), dropContext);
            NDArray logits = forward(batch, adapters.apply(scope));
            return unpack(batch, logits.toFloatArray());
        }
    }

    /** Splits row-major logits [batch, maxOptions] into per-prompt scores, dropping padded options. */
    public static List<OptionScores> unpack(PromptTensors batch, float[] logits) {
        List<OptionScores> scores = new ArrayList<>(batch.batchSize());
        for (int row = 0; row < batch.batchSize(); row++) {
            double[] values = new double[batch.optionCount(row)];
            for (int k = 0; k < values.length; k++) {
                values[k] = logits[row * batch.maxOptions() + k];
            }
            scores.add(new OptionScores(values));
        }
        return scores;
    }

    /** Makes every weight trainable (true) or frozen (false); only pre-training unfreezes, on its own copy. */
    public void setTrainable(boolean trainable) {
        freezeParameters(!trainable);
    }

    /** Saves config and weights to {@code file} atomically; returns the bytes written. */
    public long save(Path file) {
        CheckpointWriter writer = new CheckpointWriter(MAGIC, FORMAT);
        writeTo(writer);
        return writer.writeTo(file);
    }

    /** Loads a model saved by {@link #save(Path)}; fails naming the file if it is truncated, corrupt or misfit. */
    public static ScoringModel load(Path file) {
        CheckpointReader reader = CheckpointReader.open(file, MAGIC, FORMAT);
        ScoringModel model = readFrom(reader);
        reader.expectEnd();
        return model;
    }

    /** Writes the config and weights as one section of a larger checkpoint. */
    public void writeTo(CheckpointWriter writer) {
        writer.writeInt(config.inputDim()).writeInt(config.attentionDim()).writeInt(config.hidden1())
                .writeInt(config.hidden2()).writeLong(config.seed()).writeString(identity);
        Map<String, long[]> shapes = weightShapes();
        weights().forEach((name, values) -> writer.writeTensor(name, shapes.get(name), values));
    }

    /** Reads a section written by {@link #writeTo(CheckpointWriter)} and checks the model's identity. */
    public static ScoringModel readFrom(CheckpointReader reader) {
        ModelConfig config;
        try {
            config = new ModelConfig(reader.readInt(), reader.readInt(), reader.readInt(), reader.readInt(), reader.readLong());
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(reader.source() + ": bad model config: " + e.getMessage(), e);
        }
        String identity = reader.readString();
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (ModelLayer layer : ModelLayer.values()) {
            long in = config.inputsOf(layer);
            long out = config.outputsOf(layer);
            weights.put(layer.id() + ".weight", reader.readTensor(layer.id() + ".weight", out, in));
            weights.put(layer.id() + ".bias", reader.readTensor(layer.id() + ".bias", out));
        }
        weights.put("null_key", reader.readTensor("null_key", config.attentionDim()));
        weights.put("null_value", reader.readTensor("null_value", config.inputDim()));
        ScoringModel model = fromWeights(config, weights);
        if (!model.identity().equals(identity)) {
            model.close();
            throw new CheckpointFormatException(reader.source() + ": weights do not match the recorded model identity");
        }
        return model;
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        // the DJL entry point: (question [B,d], options [B,K,d]) asked without context, base weights only
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("ScoringModel as a DJL block takes (question, options), got " + inputs.size() + " inputs");
        }
        PromptTensors batch = PromptTensors.withoutContext(inputs.get(0), inputs.get(1));
        return new NDList(forward(batch, AdapterBinding.NONE));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[1].get(0), inputShapes[1].get(1))};
    }

    /** Results of ops on a weight belong to the weight's manager; move them to the pass's scope so they are freed with it. */
    private static NDArray inScope(NDArray array, NDManager scope) {
        array.attach(scope);
        return array;
    }

    private static float[] tensor(Map<String, float[]> weights, String name, long size) {
        float[] values = weights.get(name);
        if (values == null) {
            throw new IllegalArgumentException("weight " + name + " is missing");
        }
        if (values.length != size) {
            throw new IllegalArgumentException("weight " + name + " has " + values.length + " values, expected " + size);
        }
        for (float value : values) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("weight " + name + " has a non-finite value " + value);
            }
        }
        return values;
    }

    private static float[] uniform(SplittableRandom random, int size, double bound) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return values;
    }

    private static String digest(ModelConfig config, Map<String, float[]> weights) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(config.canonical().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4096);
            for (Map.Entry<String, float[]> entry : weights.entrySet()) {
                digest.update(entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (float value : entry.getValue()) {
                    if (buffer.remaining() < Float.BYTES) {
                        digest.update(buffer.array(), 0, buffer.position());
                        buffer.clear();
                    }
                    buffer.putFloat(value);
                }
            }
            digest.update(buffer.array(), 0, buffer.position());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
