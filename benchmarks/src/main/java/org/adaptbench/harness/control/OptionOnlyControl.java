package org.adaptbench.harness.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.personalization.embed.Embedder;

/**
 * How much of the answer the option wording alone gives away: a logistic regression on each
 * option's embedding (no question, no user, no context) learns which options tend to be the right
 * ones, and picks the most likely option of each held-out query. Items are split into folds so an
 * item's options are never scored by a model that saw them; the domain items always train.
 *
 * <p>On PrefEval the right option is often recognisable ("a gluten-free trattoria"), so this score
 * sits far above chance; an approach's accuracy below it cannot be credited to personalization.
 */
public final class OptionOnlyControl {

    static final int FOLDS = 5;
    static final int ITERATIONS = 300;
    static final double LEARNING_RATE = 0.5;
    static final double L2 = 1e-3;

    private final Embedder embedder;
    private final long seed;

    public OptionOnlyControl(Embedder embedder, long seed) {
        this.embedder = embedder;
        this.seed = seed;
    }

    /** User → accuracy over the user's scored queries, each answered by a model that never saw its item. */
    public Map<String, Double> perUserAccuracy(Workload workload) {
        Map<String, Integer> foldOfItem = new HashMap<>();
        SplittableRandom random = Seeds.random(seed, "option-only-folds", 0);
        List<UserData> scored = workload.scoredUsers();
        for (UserData user : scored) {
            foldOfItem.computeIfAbsent(item(user), i -> random.nextInt(FOLDS));
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (int fold = 0; fold < FOLDS; fold++) {
            List<double[]> features = new ArrayList<>();
            List<Double> labels = new ArrayList<>();
            for (UserData user : workload.domainUsers()) {
                addExamples(user, q -> q.isMultipleChoice(), features, labels);
            }
            for (UserData user : scored) {
                if (foldOfItem.get(item(user)) != fold) {
                    addExamples(user, q -> workload.isEvaluated(user, q), features, labels);
                }
            }
            double[] weights = train(features, labels);
            for (UserData user : scored) {
                if (foldOfItem.get(item(user)) != fold) {
                    continue;
                }
                for (Query query : user.queries()) {
                    if (!workload.isEvaluated(user, query)) {
                        continue;
                    }
                    int best = 0;
                    double bestScore = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < query.options().size(); i++) {
                        double score = dot(weights, features(query.options().get(i)));
                        if (score > bestScore) {
                            bestScore = score;
                            best = i;
                        }
                    }
                    int[] count = counts.computeIfAbsent(user.userId(), u -> new int[2]);
                    count[0] += best == query.correctIndex() ? 1 : 0;
                    count[1]++;
                }
            }
        }
        Map<String, Double> accuracy = new java.util.TreeMap<>();
        counts.forEach((user, count) -> accuracy.put(user, count[0] / (double) count[1]));
        return accuracy;
    }

    /** The item a user stands for (PrefEval's topic and item: its three forms share the options), or the user itself. */
    private static String item(UserData user) {
        String topic = user.attributes().get("topic");
        String item = user.attributes().get("item");
        return topic != null && item != null ? topic + "/" + item : user.userId();
    }

    private void addExamples(UserData user, java.util.function.Predicate<Query> selected, List<double[]> features, List<Double> labels) {
        for (Query query : user.queries()) {
            if (!selected.test(query)) {
                continue;
            }
            for (int i = 0; i < query.options().size(); i++) {
                features.add(features(query.options().get(i)));
                labels.add(i == query.correctIndex() ? 1.0 : 0.0);
            }
        }
    }

    /** The option's embedding plus a bias term. */
    private double[] features(String option) {
        float[] vector = embedder.embed(option);
        double[] features = new double[vector.length + 1];
        for (int i = 0; i < vector.length; i++) {
            features[i] = vector[i];
        }
        features[vector.length] = 1;
        return features;
    }

    /** Full-batch gradient descent on the L2-regularised logistic loss; deterministic. */
    static double[] train(List<double[]> features, List<Double> labels) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no examples to train the option-only control on");
        }
        int dimension = features.get(0).length;
        double[] weights = new double[dimension];
        double[] gradient = new double[dimension];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            java.util.Arrays.fill(gradient, 0);
            for (int n = 0; n < features.size(); n++) {
                double[] x = features.get(n);
                double error = sigmoid(dot(weights, x)) - labels.get(n);
                for (int i = 0; i < dimension; i++) {
                    gradient[i] += error * x[i];
                }
            }
            for (int i = 0; i < dimension; i++) {
                weights[i] -= LEARNING_RATE * (gradient[i] / features.size() + L2 * weights[i]);
            }
        }
        return weights;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
