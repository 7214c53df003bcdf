package org.adaptbench.datasets.synthetic;

import org.adaptbench.datasets.seed.Seeds;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The multiple-choice questions of the world: each question text paired with each parallel answer
 * variant gives one item whose options (one per option of the dimension, all in the same style)
 * are presented in an order fixed by the seed, so every user asked an item sees the same text.
 */
final class QuestionBank {

    /**
     * One question as presented.
     *
     * @param optionAt the dimension's option index (catalogue order) shown at each position
     */
    record Item(String id, int dimension, String question, List<String> options, int[] optionAt) {

        Item {
            options = List.copyOf(options);
            optionAt = optionAt.clone();
        }

        int positionOf(int option) {
            for (int position = 0; position < optionAt.length; position++) {
                if (optionAt[position] == option) {
                    return position;
                }
            }
            throw new IllegalArgumentException("option " + option + " is not offered by " + id);
        }

        int optionAt(int position) {
            return optionAt[position];
        }
    }

    private final List<Map<WorldText.Pool, List<Item>>> items = new ArrayList<>();

    QuestionBank(WorldText text, int dimensions, long seed) {
        for (int d = 0; d < dimensions; d++) {
            WorldText.DimensionText dimension = text.dimensions().get(d);
            Map<WorldText.Pool, List<Item>> pools = new EnumMap<>(WorldText.Pool.class);
            for (WorldText.Pool pool : WorldText.Pool.values()) {
                pools.put(pool, build(d, dimension, pool, seed));
            }
            items.add(pools);
        }
    }

    List<Item> items(int dimension, WorldText.Pool pool) {
        return items.get(dimension).get(pool);
    }

    private static List<Item> build(int d, WorldText.DimensionText dimension, WorldText.Pool pool, long seed) {
        List<String> questions = dimension.questions().get(pool);
        int variants = dimension.options().get(0).answers().get(pool).size();
        List<Item> built = new ArrayList<>(questions.size() * variants);
        for (int q = 0; q < questions.size(); q++) {
            for (int v = 0; v < variants; v++) {
                String id = dimension.name() + "/" + pool.wireName() + "/" + q + "." + v;
                int[] order = Seeds.permutation(dimension.options().size(), Seeds.random(seed, "item-order/" + id, 0));
                List<String> options = new ArrayList<>(order.length);
                for (int option : order) {
                    options.add(dimension.options().get(option).answers().get(pool).get(v));
                }
                built.add(new Item(id, d, questions.get(q), options, order));
            }
        }
        return List.copyOf(built);
    }
}
