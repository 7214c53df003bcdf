package org.adaptbench.jmh.finetune;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.ScoringRequest;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.lora.LowRankFactors;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;

/** Seeded inputs for the fine-tuning benchmarks: random 384-d vectors, random adapters, the default model shape. */
public final class BenchmarkFixtures {

    static final ModelConfig MODEL = ModelConfig.MINILM;

    private BenchmarkFixtures() {
    }

    /** Timing does not depend on the weights' values, so the seeded initialisation stands in for a pre-trained model. */
    public static ScoringModel model() {
        return ScoringModel.initialise(MODEL);
    }

    static List<Prompt> prompts(int count, int context, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Prompt> prompts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            List<float[]> memories = new ArrayList<>();
            for (int j = 0; j < context; j++) {
                memories.add(vector(random));
            }
            prompts.add(new Prompt(vector(random), memories, List.of(vector(random), vector(random), vector(random), vector(random))));
        }
        return prompts;
    }

    static List<LabelledExample> examples(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelledExample> examples = new ArrayList<>(count);
        for (Prompt prompt : prompts(count, 0, seed)) {
            examples.add(LabelledExample.hard(prompt, random.nextInt(4)));
        }
        return examples;
    }

    /** An adapter with non-zero random A and B, so applying it costs what a trained one costs. */
    public static LoraAdapter adapter(String name, LoraConfig config, String baseIdentity, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<ModelLayer, LowRankFactors> factors = new EnumMap<>(ModelLayer.class);
        for (ModelLayer layer : config.targets()) {
            int in = MODEL.inputsOf(layer);
            int out = MODEL.outputsOf(layer);
            float[] a = new float[config.rank() * in];
            float[] b = new float[out * config.rank()];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (random.nextGaussian() * 0.05);
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) (random.nextGaussian() * 0.05);
            }
            factors.put(layer, new LowRankFactors(config.rank(), in, out, a, b));
        }
        return new LoraAdapter(name, config, factors, baseIdentity);
    }

    /**
     * {@code count} requests, each for its own user's adapter (rank 8 on the MLP layers, as per-user
     * adapters are trained), registered in {@code registry}; prompts without context.
     */
    static List<ScoringRequest> perUserRequests(AdapterRegistry registry, int count) {
        LoraConfig perUser = perUserConfig();
        List<Prompt> prompts = prompts(count, 0, 21);
        List<ScoringRequest> requests = new ArrayList<>(count);
        for (int u = 0; u < count; u++) {
            registry.register(adapter("user-" + u, perUser, registry.base().identity(), 100 + u));
            requests.add(ScoringRequest.with(prompts.get(u), "user-" + u));
        }
        return requests;
    }

    /** How per-user adapters are trained: rank 8 on the MLP layers (the context layers see no context without memory). */
    public static LoraConfig perUserConfig() {
        return LoraConfig.defaults().withTargets(Set.of(ModelLayer.HIDDEN_1, ModelLayer.HIDDEN_2));
    }

    private static float[] vector(SplittableRandom random) {
        float[] v = new float[MODEL.inputDim()];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
