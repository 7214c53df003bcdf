package org.adaptbench.harness.workload;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.synthetic.DimensionCatalogue;

/**
 * One data set as a run uses it: who is evaluated, what each user's training-only prefix is, which
 * users only serve to train shared (domain) adapters, and the probe questions fine-tuning may use.
 *
 * <p>Every approach is evaluated on the same users and the same queries. A query counts only when it
 * is asked after the user's training prefix, so batch-trained adapters, trained on the prefixes, are
 * never evaluated on anything they saw.
 *
 * @param name the data set's name in results ("synthetic", "prefeval", or an imported folder's)
 * @param dataset the whole data set (the population batch-trained adapters learn from)
 * @param evaluated the evaluated users, a seeded sample of the population
 * @param trainFraction share of each history that is the training prefix
 * @param domainUsers users never evaluated, whose data trains the shared domain adapter
 * @param probes probe questions (with options) that fine-tuning distils preferences onto; never an evaluated query
 * @param catalogue the preference dimensions, when the data set has them
 */
public record Workload(
        String name,
        Dataset dataset,
        List<UserData> evaluated,
        double trainFraction,
        List<UserData> domainUsers,
        List<Probe> probes,
        Optional<DimensionCatalogue> catalogue) {

    public Workload {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        evaluated = List.copyOf(evaluated);
        domainUsers = List.copyOf(domainUsers);
        probes = List.copyOf(probes);
        Objects.requireNonNull(catalogue, "catalogue");
        if (!(trainFraction >= 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("trainFraction must lie in [0, 1)");
        }
    }

    /** A question with options that fine-tuning may ask the base model, e.g. to distil a stated preference. */
    public record Probe(String question, List<String> options) {

        public Probe {
            Objects.requireNonNull(question, "question");
            options = List.copyOf(options);
        }
    }

    /** Number of leading turns of {@code user}'s history that only ever serve as training data. */
    public int trainingPrefix(UserData user) {
        return (int) Math.floor(trainFraction * user.history().size());
    }

    /** True when {@code query} of {@code user} is scored: multiple choice, asked after the training prefix. */
    public boolean isEvaluated(UserData user, Query query) {
        return query.isMultipleChoice() && query.visibleTurns() >= trainingPrefix(user);
    }

    /** The evaluated users that have at least one scored query. */
    public List<UserData> scoredUsers() {
        return evaluated.stream().filter(user -> user.queries().stream().anyMatch(q -> isEvaluated(user, q))).toList();
    }
}
