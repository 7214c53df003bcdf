package org.adaptbench.finetune.lora;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;

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

    static String shortId(String identity) {
        return identity.length() > 12 ? identity.substring(0, 12) : identity;
    }

    @Override
    public String toString() {
        return "LoraAdapter[" + name + ", " + config.canonical() + ", base " + shortId(baseModelIdentity) + "]";
    }
}
