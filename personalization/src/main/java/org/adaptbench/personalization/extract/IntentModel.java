package org.adaptbench.personalization.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.personalization.embed.Embedder;

/**
 * What a user's sentence does ({@link Intent}), by a small multinomial logistic model over the
 * sentence's embedding and its {@link GrammarCues}. It is trained when built, on labelled example
 * sentences embedded by the same embedder (by default the hand-written, domain-general
 * {@code intent-examples.tsv}), by full-batch gradient descent from zero weights on standardised
 * features with L2 regularisation: no randomness, so the same embedder gives the same model. The
 * embedding says what a sentence is like as a whole, so unseen phrasings of a preference land near
 * the examples' preferences; the grammar features carry what an embedding of the content blurs (a
 * "forget" in front of "I like jazz"). Thread-safe once built.
 */
final class IntentModel {

    /** What a user sentence does. */
    enum Intent {
        /** States a lasting preference, wish, habit or constraint, or a change of one. */
        PREFERENCE,
        /** Reacts to the answer just given and says or implies what was wanted instead. */
        FEEDBACK,
        /** Asks to forget, delete or stop using something the user said about themselves. */
        FORGET,
        /** Anything else: questions, one-off requests, small talk, facts, thanks. */
        OTHER;

        static Intent parse(String name, int line) {
            for (Intent intent : values()) {
                if (intent.name().equalsIgnoreCase(name.strip())) {
                    return intent;
                }
            }
            throw new IllegalArgumentException("intent examples, line " + line + ": unknown intent '" + name + "'");
        }
    }

    /** A labelled example sentence. */
    record Example(Intent intent, String text) {

        Example {
            Objects.requireNonNull(intent, "intent");
            Objects.requireNonNull(text, "text");
            if (text.isBlank()) {
                throw new IllegalArgumentException("an example sentence is blank");
            }
        }
    }

    /** How the model is fitted. */
    record Training(double l2, double learningRate, int iterations) {

        /** Chosen by 5-fold cross-validation on the bundled examples alone (see {@code IntentModelTest}). */
        static final Training DEFAULTS = new Training(0.01, 0.1, 300);

        Training {
            if (!(l2 >= 0) || !(learningRate > 0) || iterations < 1) {
                throw new IllegalArgumentException(String.format(Locale.US, "bad training settings: l2 %s, learning rate %s, iterations %d",
                        l2, learningRate, iterations));
            }
        }
    }

    /** The model's belief about one sentence: a probability per intent. */
    record Scores(Map<Intent, Double> probabilities) {

        Scores {
            probabilities = Map.copyOf(probabilities);
        }

        double of(Intent intent) {
            return probabilities.getOrDefault(intent, 0.0);
        }

        /** The most probable intent (the first in declaration order on ties). */
        Intent top() {
            Intent best = Intent.OTHER;
            double bestProbability = -1;
            for (Intent intent : Intent.values()) {
                if (of(intent) > bestProbability) {
                    best = intent;
                    bestProbability = of(intent);
                }
            }
            return best;
        }
    }

    private static final String BUNDLED = "intent-examples.tsv";
    private static final Intent[] INTENTS = Intent.values();

    private final Embedder embedder;
    private final int dimension;
    private final double[] mean;
    private final double[] scale;
    private final double[][] weights;
    private final double[] bias;

    /** Trains on {@code examples}, embedded by {@code embedder} without an owner (they are the application's texts). */
    IntentModel(Embedder embedder, List<Example> examples, Training training) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        Objects.requireNonNull(training, "training");
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the intent model needs examples");
        }
        this.dimension = embedder.dimension() + GrammarCues.COUNT;
        List<float[]> vectors = embedder.embedAll(examples.stream().map(Example::text).toList());
        double[][] x = new double[examples.size()][];
        int[] y = new int[examples.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = raw(vectors.get(i), examples.get(i).text());
            y[i] = examples.get(i).intent().ordinal();
        }
        this.mean = new double[dimension];
        this.scale = new double[dimension];
        standardise(x);
        this.weights = new double[INTENTS.length][dimension];
        this.bias = new double[INTENTS.length];
        fit(x, y, training);
    }

    /** The model trained on the bundled hand-written examples with the default settings. */
    static IntentModel bundled(Embedder embedder) {
        return new IntentModel(embedder, bundledExamples(), Training.DEFAULTS);
    }

    /** The bundled examples, in file order. */
    static List<Example> bundledExamples() {
        InputStream in = IntentModel.class.getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException("resource " + BUNDLED + " is missing from the classpath");
        }
        List<Example> examples = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalArgumentException(BUNDLED + ", line " + number + ": expected INTENT<TAB>sentence");
                }
                examples.add(new Example(Intent.parse(line.substring(0, tab), number), line.substring(tab + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + BUNDLED, e);
        }
        return List.copyOf(examples);
    }

    /** The intents of {@code sentence}, embedded on behalf of {@code userId}. */
    Scores classify(String userId, String sentence) {
        return classify(embedder.embedFor(userId, sentence), sentence);
    }

    Scores classify(float[] vector, String sentence) {
        double[] x = raw(vector, sentence);
        for (int d = 0; d < dimension; d++) {
            x[d] = (x[d] - mean[d]) * scale[d];
        }
        double[] p = softmax(x);
        Map<Intent, Double> probabilities = new EnumMap<>(Intent.class);
        for (Intent intent : INTENTS) {
            probabilities.put(intent, p[intent.ordinal()]);
        }
        return new Scores(probabilities);
    }

    private double[] raw(float[] vector, String sentence) {
        double[] x = new double[dimension];
        for (int d = 0; d < vector.length; d++) {
            x[d] = vector[d];
        }
        double[] cues = GrammarCues.features(sentence);
        System.arraycopy(cues, 0, x, vector.length, cues.length);
        return x;
    }

    /** Centres every feature and scales it to unit variance over the examples (a constant feature is left at 0). */
    private void standardise(double[][] x) {
        for (double[] row : x) {
            for (int d = 0; d < dimension; d++) {
                mean[d] += row[d] / x.length;
            }
        }
        for (double[] row : x) {
            for (int d = 0; d < dimension; d++) {
                scale[d] += (row[d] - mean[d]) * (row[d] - mean[d]) / x.length;
            }
        }
        for (int d = 0; d < dimension; d++) {
            scale[d] = scale[d] > 1e-12 ? 1 / Math.sqrt(scale[d]) : 0;
        }
        for (double[] row : x) {
            for (int d = 0; d < dimension; d++) {
                row[d] = (row[d] - mean[d]) * scale[d];
            }
        }
    }

    /**
     * Full-batch gradient descent on the mean cross-entropy, each class weighted by the inverse of its
     * share of the examples (so no intent wins by being common), plus L2 on the weights.
     */
    private void fit(double[][] x, int[] y, Training training) {
        int[] counts = new int[INTENTS.length];
        for (int label : y) {
            counts[label]++;
        }
        double[] classWeight = new double[INTENTS.length];
        for (int c = 0; c < INTENTS.length; c++) {
            classWeight[c] = counts[c] == 0 ? 0 : (double) x.length / (INTENTS.length * counts[c]);
        }
        double[][] gradient = new double[INTENTS.length][dimension];
        double[] biasGradient = new double[INTENTS.length];
        for (int iteration = 0; iteration < training.iterations(); iteration++) {
            for (double[] row : gradient) {
                java.util.Arrays.fill(row, 0);
            }
            java.util.Arrays.fill(biasGradient, 0);
            for (int i = 0; i < x.length; i++) {
                double[] p = softmax(x[i]);
                double w = classWeight[y[i]] / x.length;
                for (int c = 0; c < INTENTS.length; c++) {
                    double error = w * (p[c] - (c == y[i] ? 1 : 0));
                    biasGradient[c] += error;
                    double[] g = gradient[c];
                    double[] row = x[i];
                    for (int d = 0; d < dimension; d++) {
                        g[d] += error * row[d];
                    }
                }
            }
            for (int c = 0; c < INTENTS.length; c++) {
                for (int d = 0; d < dimension; d++) {
                    weights[c][d] -= training.learningRate() * (gradient[c][d] + training.l2() * weights[c][d]);
                }
                bias[c] -= training.learningRate() * biasGradient[c];
            }
        }
    }

    private double[] softmax(double[] x) {
        double[] logits = new double[INTENTS.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < INTENTS.length; c++) {
            double z = bias[c];
            double[] w = weights[c];
            for (int d = 0; d < dimension; d++) {
                z += w[d] * x[d];
            }
            logits[c] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int c = 0; c < INTENTS.length; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < INTENTS.length; c++) {
            logits[c] /= sum;
        }
        return logits;
    }
}
