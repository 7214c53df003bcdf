package org.adaptbench.finetune;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.Prompt;

/**
 * A tiny preference world from random vectors, for tests. There are {@code values} preference
 * directions; option k of every question leans towards direction k (shuffled per question). A
 * user prefers one direction; the correct option is the one leaning towards it. Direction 0 is the
 * popular one, so without context the label follows it. A stated preference is its direction plus
 * noise, placed in the context among distractors.
 */
public final class SyntheticWorld {

    public final int dimension;
    public final int values;
    private final float[][] directions;
    private final long seed;

    public SyntheticWorld(int dimension, int values, long seed) {
        this.dimension = dimension;
        this.values = values;
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        directions = new float[values][];
        for (int v = 0; v < values; v++) {
            directions[v] = unit(gaussian(random, dimension));
        }
    }

    public float[] direction(int value) {
        return directions[value].clone();
    }

    /** A question whose options lean to the directions in a shuffled order; returns the prompt and option→value map. */
    public Question question(SplittableRandom random, List<float[]> context) {
        float[] q = unit(gaussian(random, dimension));
        int[] order = shuffled(random, values);
        List<float[]> options = new ArrayList<>();
        for (int k = 0; k < values; k++) {
            float[] option = gaussian(random, dimension);
            float[] d = directions[order[k]];
            for (int i = 0; i < dimension; i++) {
                option[i] = 0.4f * option[i] + 1.5f * d[i];
            }
            options.add(unit(option));
        }
        return new Question(new Prompt(q, context, options), order);
    }

    /** The statement of preference {@code value}: its direction plus noise. */
    public float[] statement(SplittableRandom random, int value) {
        float[] s = gaussian(random, dimension);
        for (int i = 0; i < dimension; i++) {
            s[i] = 0.3f * s[i] + directions[value][i];
        }
        return unit(s);
    }

    public float[] distractor(SplittableRandom random) {
        return unit(gaussian(random, dimension));
    }

    /** Examples where the context states the user's preference among distractors (half) or is empty, labelled accordingly. */
    public List<LabelledExample> pretraining(int count) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        List<LabelledExample> examples = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int preference = random.nextInt(values);
            List<float[]> context = new ArrayList<>();
            boolean stated = random.nextInt(3) > 0;
            if (stated) {
                int distractors = random.nextInt(3);
                int position = random.nextInt(distractors + 1);
                for (int j = 0; j <= distractors; j++) {
                    context.add(j == position ? statement(random, preference) : distractor(random));
                }
            } else if (random.nextBoolean()) {
                context.add(distractor(random));
            }
            Question question = question(random, context);
            examples.add(LabelledExample.hard(question.prompt(), question.optionFor(stated ? preference : 0)));
        }
        return examples;
    }

    /** A user's own examples, with empty context, labelled by the user's preferred value. */
    public List<LabelledExample> userExamples(int preference, int count, long userSeed) {
        SplittableRandom random = new SplittableRandom(userSeed);
        List<LabelledExample> examples = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Question question = question(random, List.of());
            examples.add(LabelledExample.hard(question.prompt(), question.optionFor(preference)));
        }
        return examples;
    }

    public record Question(Prompt prompt, int[] optionValues) {
        public int optionFor(int value) {
            for (int k = 0; k < optionValues.length; k++) {
                if (optionValues[k] == value) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no option for value " + value);
        }
    }

    public static float[] gaussian(SplittableRandom random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            // Box-Muller from the seeded stream
            double u1 = Math.max(1e-12, random.nextDouble());
            double u2 = random.nextDouble();
            v[i] = (float) (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
        }
        return v;
    }

    public static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }

    private static int[] shuffled(SplittableRandom random, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
