package org.adaptbench.harness.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.adaptbench.datasets.DatasetLoader;
import org.adaptbench.datasets.LoadOptions;
import org.adaptbench.datasets.model.Choice;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.prefeval.PrefEvalLocation;
import org.adaptbench.datasets.prefeval.PrefEvalOptions;
import java.util.Set;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.datasets.synthetic.PretrainingConfig;
import org.adaptbench.datasets.synthetic.PretrainingCorpus;
import org.adaptbench.datasets.synthetic.PretrainingExample;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.architecture.ModelConfig;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.PretrainedModel;
import org.adaptbench.finetune.train.Pretraining;
import org.adaptbench.finetune.train.TrainingConfig;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.personalization.embed.Embedder;

/**
 * Builds the base model the way DESIGN.md describes: pre-trained once, with a seed, on the synthetic
 * world's pre-training users and wording only, so that it can use injected preferences; cached by a
 * hash of config and data, so later runs load it.
 */
public final class BaseModels {

    private BaseModels() {
    }

    /** The pre-training corpus as text, from the synthetic world's pre-training users and templates. */
    public static List<PretrainingExample> corpus(RunConfig config) {
        RunConfig.Pretraining section = config.pretraining();
        PretrainingConfig defaults = PretrainingConfig.defaults(Seeds.derive(config.seed(), "pretraining-corpus"));
        PretrainingConfig corpusConfig = defaults.withUsers(Math.max(1, section.examples() / defaults.examplesPerUser()));
        return PretrainingCorpus.generate(SyntheticConfig.defaults(config.seed()), corpusConfig);
    }

    /**
     * Pre-training examples from PrefEval's pre-training topics (never evaluated): each item's question
     * with the turns that reveal its preference as context, sometimes among other items' preferences.
     * Only examples with context: an example without one would teach the option wording, not the user.
     * Empty when the PrefEval folder is not there.
     */
    public static List<PretrainingExample> prefEvalCorpus(RunConfig config) {
        List<String> topics = config.prefeval().pretrainingTopics();
        Optional<Path> root = config.prefeval().path().isBlank() ? PrefEvalLocation.find() : Optional.of(Path.of(config.prefeval().path()));
        if (topics.isEmpty() || root.isEmpty()) {
            return List.of();
        }
        PrefEvalOptions options = PrefEvalOptions.defaults(Seeds.derive(config.seed(), "prefeval-pretraining"))
                .withTopics(new TreeSet<>(topics));
        Dataset dataset = DatasetLoader.load(DatasetLoader.PREFEVAL, LoadOptions.defaults(config.seed()).withPrefEval(options)
                .withPrefEvalRoot(root.get()));
        List<List<String>> evidence = new ArrayList<>();
        List<Query> queries = new ArrayList<>();
        for (UserData user : dataset.users()) {
            Map<String, Turn> turns = new HashMap<>();
            user.history().forEach(turn -> turns.put(turn.turnId(), turn));
            for (Query query : user.queries()) {
                if (query.isMultipleChoice() && !query.evidenceTurnIds().isEmpty()) {
                    evidence.add(query.evidenceTurnIds().stream().map(turns::get)
                            .map(turn -> turn.choice().map(Choice::chosen).orElse(turn.text())).toList());
                    queries.add(query);
                }
            }
        }
        SplittableRandom random = Seeds.random(config.seed(), "prefeval-pretraining-distractors", 0);
        List<PretrainingExample> examples = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            Query query = queries.get(i);
            List<String> context = new ArrayList<>(evidence.get(i));
            int distractors = random.nextInt(3);
            for (int d = 0; d < distractors; d++) {
                List<String> other = evidence.get(random.nextInt(evidence.size()));
                context.add(random.nextInt(context.size() + 1), other.get(random.nextInt(other.size())));
            }
            examples.add(new PretrainingExample(query.question(), context, query.options(), query.correctIndex()));
        }
        return examples;
    }

    /** Pre-trains (or loads from {@code cacheDir}) the base model on the embedded corpus. */
    public static PretrainedModel pretrainOrLoad(RunConfig config, Embedder embedder, Path cacheDir, Progress progress) {
        List<PretrainingExample> corpus = new ArrayList<>(corpus(config));
        List<PretrainingExample> prefEval = prefEvalCorpus(config);
        corpus.addAll(prefEval);
        if (!prefEval.isEmpty()) {
            progress.log("base model: " + prefEval.size() + " examples from PrefEval's pre-training topics "
                    + config.prefeval().pretrainingTopics() + ", which are never evaluated");
        }
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
        RunConfig.Pretraining section = config.pretraining();
        TrainingConfig training = new TrainingConfig(section.epochs(), section.batchSize(), section.learningRate(),
                Seeds.derive(config.seed(), "pretraining"), ContextUse.AS_GIVEN);
        progress.log("base model: pre-training on " + examples.size() + " examples (cached in " + cacheDir + ")");
        PretrainedModel model = Pretraining.pretrainOrLoad(ModelConfig.MINILM, training, examples, cacheDir);
        progress.log(model.fromCache() ? "base model: loaded from cache " + model.cacheKey().substring(0, 12)
                : String.format(java.util.Locale.US, "base model: trained in %.1f s", model.report().wallSeconds()));
        return model;
    }
}
