package org.adaptbench.harness.workload;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.datasets.synthetic.PretrainingConfig;
import org.adaptbench.datasets.synthetic.PretrainingCorpus;
import org.adaptbench.datasets.synthetic.PretrainingExample;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.harness.config.RunConfig;

/**
 * The base model's pre-training data as text: the synthetic world's pre-training users and wording,
 * and PrefEval's pre-training topics (never evaluated). Probes for distillation are drawn from it too,
 * so it lives with the workloads, apart from the training that consumes it.
 */
public final class PretrainingData {

    private PretrainingData() {
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
}
