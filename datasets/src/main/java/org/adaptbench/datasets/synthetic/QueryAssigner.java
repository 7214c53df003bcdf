package org.adaptbench.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.adaptbench.datasets.model.Query;

/**
 * Turns query slots into multiple-choice queries, spreading each option's slots round-robin over the
 * dimension's query items. Every item used is thereby asked of users whose answers cover every option
 * the dimension's slots hold, in about the population's proportions, so nothing blind to the user
 * beats the item's majority rate.
 */
final class QueryAssigner {

    /** The queries of every user (in user order) and the majority-option ceiling. */
    record Assignment(List<List<Query>> queries, double majorityCeiling, boolean everyOptionCorrectForSomeUser) {
    }

    private QueryAssigner() {
    }

    static Assignment assign(WorldText text, QuestionBank bank, List<UserSimulator.SimulatedUser> users, int dimensions,
            ItemPool pool) {
        int options = WorldText.OPTIONS_PER_DIMENSION;
        int[][] slotCount = new int[dimensions][options];
        for (UserSimulator.SimulatedUser user : users) {
            for (UserSimulator.Slot slot : user.slots()) {
                slotCount[slot.dimension()][slot.option()]++;
            }
        }
        // use as many items as the rarest option can cover, so each item sees every option
        int[] itemsUsed = new int[dimensions];
        for (int d = 0; d < dimensions; d++) {
            int rarest = Integer.MAX_VALUE;
            for (int o = 0; o < options; o++) {
                if (slotCount[d][o] > 0) {
                    rarest = Math.min(rarest, slotCount[d][o]);
                }
            }
            itemsUsed[d] = Math.max(1, Math.min(bank.items(d, pool).size(), rarest));
        }

        int[][] nextItem = new int[dimensions][options];
        int[][][] answers = new int[dimensions][][];
        for (int d = 0; d < dimensions; d++) {
            answers[d] = new int[itemsUsed[d]][options];
        }
        List<int[]> itemOfSlot = new ArrayList<>(users.size());
        for (UserSimulator.SimulatedUser user : users) {
            int[] items = new int[user.slots().size()];
            for (int s = 0; s < items.length; s++) {
                UserSimulator.Slot slot = user.slots().get(s);
                int d = slot.dimension();
                int item = nextItem[d][slot.option()]++ % itemsUsed[d];
                items[s] = item;
                answers[d][item][slot.option()]++;
            }
            itemOfSlot.add(items);
        }

        double[][] majorityRate = new double[dimensions][];
        long majorityTotal = 0;
        long total = 0;
        boolean covered = true;
        for (int d = 0; d < dimensions; d++) {
            majorityRate[d] = new double[itemsUsed[d]];
            for (int item = 0; item < itemsUsed[d]; item++) {
                int max = 0;
                int sum = 0;
                int missing = 0;
                for (int o = 0; o < options; o++) {
                    max = Math.max(max, answers[d][item][o]);
                    sum += answers[d][item][o];
                    missing += answers[d][item][o] == 0 ? 1 : 0;
                }
                covered &= sum == 0 || missing == 0;
                majorityRate[d][item] = sum == 0 ? Double.NaN : (double) max / sum;
                majorityTotal += max;
                total += sum;
            }
        }

        List<List<Query>> queries = new ArrayList<>(users.size());
        for (int u = 0; u < users.size(); u++) {
            UserSimulator.SimulatedUser user = users.get(u);
            List<Query> userQueries = new ArrayList<>(user.slots().size());
            for (int s = 0; s < user.slots().size(); s++) {
                UserSimulator.Slot slot = user.slots().get(s);
                int d = slot.dimension();
                int itemIndex = itemOfSlot.get(u)[s];
                QuestionBank.Item item = bank.items(d, pool).get(itemIndex);
                WorldText.DimensionText dimension = text.dimensions().get(d);
                userQueries.add(new Query(
                        user.userId() + "/q" + s,
                        item.question(),
                        item.options(),
                        item.positionOf(slot.option()),
                        slot.visibleTurns(),
                        slot.evidence(),
                        dimension.name(),
                        dimension.name() + "=" + dimension.options().get(slot.option()).name(),
                        majorityRate[d][itemIndex]));
            }
            queries.add(userQueries);
        }
        return new Assignment(queries, total == 0 ? Double.NaN : (double) majorityTotal / total, covered);
    }
}
