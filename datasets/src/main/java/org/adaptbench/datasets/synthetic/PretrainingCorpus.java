package org.adaptbench.datasets.synthetic;

import org.adaptbench.datasets.seed.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Examples for pre-training the base model, built from pre-training users and pre-training wording
 * only: nothing in this corpus appears in an evaluation history or query.
 *
 * <p>With relevant context the label is the option the context states (the newer one after a change);
 * with empty, distractor-only or deleted context it is the user's own preference drawn from the
 * world's popularity skew, so the model learns to follow context when there is some and the
 * population prior when there is none.
 */
public final class PretrainingCorpus {

    /** Share of stated-context examples whose statement is phrased as feedback instead. */
    private static final double FEEDBACK_SHARE = 0.2;

    private final WorldText text;
    private final SyntheticConfig world;
    private final PretrainingConfig config;
    private final QuestionBank bank;
    private final Popularity popularity;

    private PretrainingCorpus(WorldText text, SyntheticConfig world, PretrainingConfig config) {
        this.text = text;
        this.world = world;
        this.config = config;
        this.bank = new QuestionBank(text, world.dimensions(), config.seed());
        this.popularity = new Popularity(WorldText.OPTIONS_PER_DIMENSION, world.zipfExponent());
    }

    /**
     * The corpus for the world {@code world} describes (its dimensions and popularity skew; its seed
     * and users are not used), in a deterministic order.
     */
    public static List<PretrainingExample> generate(SyntheticConfig world, PretrainingConfig config) {
        PretrainingCorpus corpus = new PretrainingCorpus(WorldText.standard(), world, config);
        List<PretrainingExample> examples = new ArrayList<>(config.size());
        for (int u = 0; u < config.users(); u++) {
            corpus.addUser(u, examples);
        }
        return examples;
    }

    private void addUser(int index, List<PretrainingExample> examples) {
        SplittableRandom random = Seeds.random(config.seed(), "pretraining-user", index);
        int[] latent = new int[world.dimensions()];
        for (int d = 0; d < latent.length; d++) {
            latent[d] = popularity.sample(random);
        }
        for (int e = 0; e < config.examplesPerUser(); e++) {
            examples.add(example(random, latent));
        }
    }

    private PretrainingExample example(SplittableRandom random, int[] latent) {
        int d = random.nextInt(latent.length);
        List<QuestionBank.Item> items = bank.items(d, WorldText.Pool.PRETRAINING);
        QuestionBank.Item item = items.get(random.nextInt(items.size()));
        int label = latent[d];
        List<String> context = new ArrayList<>();
        double kind = random.nextDouble();
        double empty = config.emptyContextShare();
        double distractors = empty + config.distractorOnlyShare();
        double change = distractors + config.changeShare();
        double deletion = change + config.deletionShare();
        if (kind >= empty) {
            if (kind >= distractors && kind < change) {
                int older = random.nextInt(WorldText.OPTIONS_PER_DIMENSION - 1);
                context.add(render(random, text.statementFrames(), d, older >= label ? older + 1 : older));
                context.add(render(random, text.changeFrames(), d, label));
            } else if (kind >= change && kind < deletion) {
                int deleted = popularity.sample(random);
                context.add(render(random, text.statementFrames(), d, deleted));
                context.add(render(random, text.deletionFrames(), d, deleted));
            } else if (kind >= deletion) {
                context.add(random.nextDouble() < FEEDBACK_SHARE
                        ? pick(random, option(d, label).feedback().pretraining())
                        : render(random, text.statementFrames(), d, label));
            }
            addDistractors(random, context, d, latent, kind < distractors);
        }
        addFiller(random, context);
        // options in a fresh order for every example, so position carries no signal
        int[] order = Seeds.permutation(WorldText.OPTIONS_PER_DIMENSION, random);
        List<String> options = new ArrayList<>(order.length);
        int correct = -1;
        for (int position = 0; position < order.length; position++) {
            int option = item.optionAt(order[position]);
            options.add(item.options().get(order[position]));
            if (option == label) {
                correct = position;
            }
        }
        return new PretrainingExample(item.question(), context, options, correct);
    }

    /** Mixes statements on other dimensions into the context at random places, keeping the others' order. */
    private void addDistractors(SplittableRandom random, List<String> context, int d, int[] latent, boolean atLeastOne) {
        if (latent.length < 2 || config.maxDistractors() == 0) {
            return;
        }
        int count = random.nextInt(config.maxDistractors() + 1);
        if (atLeastOne) {
            count = Math.max(1, count);
        }
        for (int i = 0; i < count; i++) {
            int other = random.nextInt(latent.length - 1);
            other = other >= d ? other + 1 : other;
            context.add(random.nextInt(context.size() + 1), render(random, text.statementFrames(), other, latent[other]));
        }
    }

    /** Mixes filler exchanges into the context at random places, each as the user's turn followed by the reply. */
    private void addFiller(SplittableRandom random, List<String> context) {
        if (config.maxFillerPairs() == 0) {
            return;
        }
        int count = random.nextInt(config.maxFillerPairs() + 1);
        for (int i = 0; i < count; i++) {
            WorldText.FillerPair pair = pick(random, text.filler());
            int at = random.nextInt(context.size() + 1);
            context.add(at, pair.assistant());
            context.add(at, pair.user());
        }
    }

    private String render(SplittableRandom random, WorldText.Split frames, int d, int option) {
        String phrase = pick(random, option(d, option).phrases().pretraining());
        return pick(random, frames.pretraining()).replace("{topic}", text.dimensions().get(d).topic()).replace("{phrase}", phrase);
    }

    private WorldText.OptionText option(int d, int option) {
        return text.dimensions().get(d).options().get(option);
    }

    private static <T> T pick(SplittableRandom random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
