package org.adaptbench.finetune.adapter;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.EnumMap;
import java.util.Map;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.lora.AdapterBinding;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LowRankDelta;
import org.adaptbench.finetune.lora.LowRankFactors;
import org.adaptbench.finetune.runtime.TorchRuntime;

/** One attached adapter as resident tensors: A [r, in] and alpha/r · B [out, r] per layer, ready to apply to a whole batch. */
final class ServingFactors implements AutoCloseable {

    private final NDManager manager;
    private final AdapterBinding binding;
    private final Map<ModelLayer, NDArray[]> factors = new EnumMap<>(ModelLayer.class);

    ServingFactors(NDManager parent, LoraAdapter adapter) {
        this.manager = parent.newSubManager();
        float scale = (float) adapter.config().scale();
        Map<ModelLayer, LowRankDelta> deltas = new EnumMap<>(ModelLayer.class);
        for (Map.Entry<ModelLayer, LowRankFactors> entry : adapter.factors().entrySet()) {
            LowRankFactors f = entry.getValue();
            float[] b = f.b();
            for (int i = 0; i < b.length; i++) {
                b[i] *= scale;
            }
            NDArray a = TorchRuntime.tensor(manager, f.a(), new Shape(f.rank(), f.inputs()));
            NDArray scaledB = TorchRuntime.tensor(manager, b, new Shape(f.outputs(), f.rank()));
            factors.put(entry.getKey(), new NDArray[] {a, scaledB});
            deltas.put(entry.getKey(), LowRankDelta.shared(a, scaledB));
        }
        this.binding = new AdapterBinding(deltas);
    }

    AdapterBinding binding() {
        return binding;
    }

    /** ΔW = alpha/r · B A [out, in] for {@code layer}, computed inside {@code scope}. */
    NDArray weightDelta(NDManager scope, ModelLayer layer) {
        TorchRuntime.configureThread();
        NDArray[] f = factors.get(layer);
        NDArray delta = f[1].matMul(f[0]);
        delta.attach(scope);
        return delta;
    }

    Iterable<ModelLayer> layers() {
        return factors.keySet();
    }

    @Override
    public void close() {
        manager.close();
    }
}
