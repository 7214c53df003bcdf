package org.adaptbench.harness.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.adaptbench.datasets.io.ContentHash;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.datasets.synthetic.PretrainingExample;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.PretrainedModel;
import org.adaptbench.finetune.train.Pretraining;
import org.adaptbench.finetune.train.TrainingConfig;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.workload.PretrainingData;
import org.adaptbench.personalization.embed.Embedder;

/**
 * Builds the base model the way DESIGN.md describes: pre-trained once, with a seed, on the synthetic
 * world's pre-training users and wording only, so that it can use injected preferences; cached by a
 * hash of config and data, so later runs load it.
 */
public final class BaseModels {

    private BaseModels() {
    }

    /** Pre-trains (or loads from {@code cacheDir}) the base model on the embedded corpus. */
    public static PretrainedModel pretrainOrLoad(RunConfig config, Embedder embedder, Path cacheDir, Progress progress) {
        List<PretrainingExample> corpus = new ArrayList<>(PretrainingData.corpus(config));
        List<PretrainingExample> prefEval = PretrainingData.prefEvalCorpus(config);
        corpus.addAll(prefEval);
        if (!prefEval.isEmpty()) {
            progress.log("base model: " + prefEval.size() + " examples from PrefEval's pre-training topics "
                    + config.prefeval().pretrainingTopics() + ", which are never evaluated");
        }
        RunConfig.Pretraining section = config.pretraining();
        TrainingConfig training = new TrainingConfig(section.epochs(), section.batchSize(), section.learningRate(),
                Seeds.derive(config.seed(), "pretraining"), ContextUse.AS_GIVEN);
        // named by its texts, labels and embedding model: a cached base model is found before any text is embedded
        PretrainedModel model = Pretraining.pretrainOrLoad(ModelConfig.MINILM, training, inputsDigest(embedder, corpus), () -> {
            Set<String> texts = new LinkedHashSet<>();
            for (PretrainingExample example : corpus) {
                texts.add(example.question());
                texts.addAll(example.context());
                texts.addAll(example.options());
            }
            Embeddings.warm(embedder, new ArrayList<>(texts), progress, "embedding pre-training text");
            List<LabelledExample> examples = new ArrayList<>(corpus.size());
            for (PretrainingExample example : corpus) {
                Prompt prompt = new Prompt(embedder.embed(example.question()), embedder.embedAll(example.context()),
                        embedder.embedAll(example.options()));
                examples.add(LabelledExample.hard(prompt, example.correctIndex()));
            }
            progress.log("base model: pre-training on " + examples.size() + " examples (cached in " + cacheDir + ")");
            return examples;
        }, cacheDir);
        progress.log(model.fromCache() ? "base model: loaded from cache " + model.cacheKey().substring(0, 12)
                : String.format(java.util.Locale.US, "base model: trained in %.1f s", model.report().wallSeconds()));
        return model;
    }

    /** SHA-256 over the embedding model's id and every example's texts and label, in order, each length-prefixed. */
    static String inputsDigest(Embedder embedder, List<PretrainingExample> corpus) {
        java.security.MessageDigest digest = ContentHash.newDigest();
        java.util.function.Consumer<String> text = value -> {
            byte[] bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            digest.update(java.nio.ByteBuffer.allocate(4).putInt(bytes.length).array());
            digest.update(bytes);
        };
        text.accept("embedder=" + embedder.modelId());
        for (PretrainingExample example : corpus) {
            text.accept(example.question());
            text.accept("context:" + example.context().size());
            example.context().forEach(text);
            text.accept("options:" + example.options().size());
            example.options().forEach(text);
            text.accept("correct:" + example.correctIndex());
        }
        return ContentHash.hex(digest);
    }
}
