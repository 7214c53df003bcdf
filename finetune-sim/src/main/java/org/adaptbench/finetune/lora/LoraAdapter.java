package org.adaptbench.finetune.lora;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.finetune.model.ModelConfig;
import org.adaptbench.finetune.model.ModelLayer;

/**
 * A trained LoRA adapter: its factors for each target layer and the identity of the base model it
 * was trained on. A plain immutable value held on the Java heap; the registry turns it into tensors
 * when it is attached.
 */
public final class LoraAdapter {

    private final String name;
    private final LoraConfig config;
    private final Map<ModelLayer, LowRankFactors> factors;
    private final String baseModelIdentity;

    public LoraAdapter(String name, LoraConfig config, Map<ModelLayer, LowRankFactors> factors, String baseModelIdentity) {
        this.name = checkName(name);
        this.config = Objects.requireNonNull(config, "config");
        this.baseModelIdentity = Objects.requireNonNull(baseModelIdentity, "baseModelIdentity");
        if (!factors.keySet().equals(config.targets())) {
            throw new IllegalArgumentException("adapter " + name + " has factors for " + factors.keySet()
                    + " but targets " + config.targets());
        }
        for (Map.Entry<ModelLayer, LowRankFactors> entry : factors.entrySet()) {
            if (entry.getValue().rank() != config.rank()) {
                throw new IllegalArgumentException("adapter " + name + ": layer " + entry.getKey().id() + " has rank "
                        + entry.getValue().rank() + ", config says " + config.rank());
            }
        }
        this.factors = Collections.unmodifiableMap(new EnumMap<>(factors));
    }

    /** Fails unless {@code name} is 1..200 characters of letters, digits, '-', '_', '.', ':' or '@'. */
    public static String checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 200 || !name.matches("[A-Za-z0-9._:@-]+")) {
            throw new IllegalArgumentException("bad adapter name '" + name + "': use 1..200 letters, digits, '-', '_', '.', ':' or '@'");
        }
        return name;
    }

    public String name() {
        return name;
    }

    public LoraConfig config() {
        return config;
    }

    public Map<ModelLayer, LowRankFactors> factors() {
        return factors;
    }

    public String baseModelIdentity() {
        return baseModelIdentity;
    }

    public LoraAdapter renamed(String newName) {
        return new LoraAdapter(newName, config, factors, baseModelIdentity);
    }

    /** Trainable parameters: r (in + out) per target layer. */
    public long parameterCount() {
        return factors.values().stream().mapToLong(LowRankFactors::parameterCount).sum();
    }

    /** Bytes of the factors in float32, the adapter's payload. */
    public long payloadBytes() {
        return parameterCount() * Float.BYTES;
    }

    /** Fails, naming the first problem, unless this adapter fits the layers of {@code model}. */
    public void checkFits(ModelConfig model, String modelIdentity) {
        if (!baseModelIdentity.equals(modelIdentity)) {
            throw new IllegalArgumentException("adapter " + name + " belongs to base model " + shortId(baseModelIdentity)
                    + ", not to this base model " + shortId(modelIdentity));
        }
        for (Map.Entry<ModelLayer, LowRankFactors> entry : factors.entrySet()) {
            ModelLayer layer = entry.getKey();
            LowRankFactors f = entry.getValue();
            if (f.inputs() != model.inputsOf(layer) || f.outputs() != model.outputsOf(layer)) {
                throw new IllegalArgumentException("adapter " + name + ": layer " + layer.id() + " is " + f.inputs() + "→"
                        + f.outputs() + ", the base model's is " + model.inputsOf(layer) + "→" + model.outputsOf(layer));
            }
        }
        config.checkFits(model);
    }

    /**
     * The exact weighted sum of adapters' updates, Σ w_i (alpha_i/r_i) B_i A_i, as one adapter: the
     * factors are concatenated along the rank (PEFT's "cat" combination), so the rank is the sum of
     * the ranks and alpha equals it (scale 1, each B block carries w_i alpha_i / r_i).
     */
    public static LoraAdapter combine(String name, Map<LoraAdapter, Double> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to combine into " + name);
        }
        String identity = null;
        int rank = 0;
        EnumSet<ModelLayer> targets = EnumSet.noneOf(ModelLayer.class);
        Map<ModelLayer, int[]> shapes = new EnumMap<>(ModelLayer.class);
        for (Map.Entry<LoraAdapter, Double> entry : weights.entrySet()) {
            LoraAdapter adapter = entry.getKey();
            if (!Double.isFinite(entry.getValue())) {
                throw new IllegalArgumentException("weight of adapter " + adapter.name() + " is " + entry.getValue());
            }
            if (identity != null && !identity.equals(adapter.baseModelIdentity())) {
                throw new IllegalArgumentException("adapters for different base models cannot be combined: " + adapter.name());
            }
            identity = adapter.baseModelIdentity();
            rank += adapter.config().rank();
            targets.addAll(adapter.config().targets());
            adapter.factors().forEach((layer, f) -> shapes.put(layer, new int[] {f.inputs(), f.outputs()}));
        }
        Map<ModelLayer, LowRankFactors> combined = new LinkedHashMap<>();
        for (ModelLayer layer : targets) {
            int in = shapes.get(layer)[0];
            int out = shapes.get(layer)[1];
            float[] a = new float[rank * in];
            float[] b = new float[out * rank];
            int offset = 0;
            for (Map.Entry<LoraAdapter, Double> entry : weights.entrySet()) {
                LoraAdapter adapter = entry.getKey();
                int r = adapter.config().rank();
                LowRankFactors f = adapter.factors().get(layer);
                if (f != null) {
                    System.arraycopy(f.a(), 0, a, offset * in, r * in);
                    float[] bi = f.b();
                    double factor = entry.getValue() * adapter.config().scale();
                    for (int o = 0; o < out; o++) {
                        for (int j = 0; j < r; j++) {
                            b[o * rank + offset + j] = (float) (bi[o * r + j] * factor);
                        }
                    }
                }
                offset += r;
            }
            combined.put(layer, new LowRankFactors(rank, in, out, a, b));
        }
        return new LoraAdapter(name, new LoraConfig(rank, rank, targets), combined, identity);
    }

    static String shortId(String identity) {
        return identity.length() > 12 ? identity.substring(0, 12) : identity;
    }

    @Override
    public String toString() {
        return "LoraAdapter[" + name + ", " + config.canonical() + ", base " + shortId(baseModelIdentity) + "]";
    }
}
