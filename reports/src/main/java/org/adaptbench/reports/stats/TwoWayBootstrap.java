package org.adaptbench.reports.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.adaptbench.reports.results.Intervals;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Units;

/**
 * Intervals for the mean of per-user means over a crossed table of users and items (each user asked
 * some of the items), by the two-way "pigeonhole" bootstrap (Owen, 2007): each replicate draws users
 * with replacement and, independently, items with replacement; an observation counts as often as
 * its user times its item was drawn. Resampling only users would treat the few questions everyone
 * was asked as fixed and the interval as narrower than it is.
 *
 * <p>Seeded: the same observations and seed give the same interval. A proportion whose every user
 * scored 0 or every user 1 gets the exact binomial interval over users instead of a collapsed one.
 */
public final class TwoWayBootstrap {

    /** One scored observation: a user's value on one item (1 or 0 for a right or wrong answer). */
    public record Observation(String user, String item, double value) {

        public Observation {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(item, "item");
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("non-finite value " + value);
            }
        }
    }

    private final long seed;
    private final int resamples;

    public TwoWayBootstrap(long seed, int resamples) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 resamples are needed, got " + resamples);
        }
        this.seed = seed;
        this.resamples = resamples;
    }

    /** The mean over users of each user's mean value, with its two-way interval; n users, the distinct items counted. */
    public MetricValue meanOfUserMeans(List<Observation> observations, String unit, boolean higherIsBetter) {
        Table table = new Table(List.of(observations));
        return summarise(table, (users, items) -> table.meanOfUserMeans(0, users, items), unit, higherIsBetter, false);
    }

    /**
     * The mean over users of the paired difference of per-user means ({@code a} minus {@code b}), over
     * the users both have, with its two-way interval: both sides are resampled with the same draws.
     */
    public MetricValue pairedDifference(List<Observation> a, List<Observation> b, String unit, boolean higherIsBetter) {
        Table table = new Table(List.of(a, b));
        return summarise(table, table::meanOfPairedDifferences, unit, higherIsBetter, true);
    }

    /** A statistic of one replicate: user and item multiplicities in, the estimate out (NaN when undefined). */
    @FunctionalInterface
    private interface Statistic {
        double of(int[] userCounts, int[] itemCounts);
    }

    private MetricValue summarise(Table table, Statistic statistic, String unit, boolean higherIsBetter, boolean difference) {
        int[] allUsers = new int[table.users.size()];
        int[] allItems = new int[table.items.size()];
        Arrays.fill(allUsers, 1);
        Arrays.fill(allItems, 1);
        double point = statistic.of(allUsers, allItems);
        if (Double.isNaN(point)) {
            throw new IllegalArgumentException("no user has observations on both sides");
        }
        long users = table.usersWithObservations();
        long items = table.items.size();
        if (users == 1) {
            return new MetricValue(point, point, point, 1, unit, higherIsBetter, items, Intervals.EXACT, difference ? 1.0 : null);
        }
        double[] perUser = table.userMeans(allItems);
        if (table.sides == 1 && Units.FRACTION.equals(unit) && Proportions.collapsedAtBound(perUser)) {
            return Proportions.clopperPearson(point, users, unit, higherIsBetter).withItems(items);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[resamples];
        int[] userCounts = new int[allUsers.length];
        int[] itemCounts = new int[allItems.length];
        int kept = 0;
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(userCounts, 0);
            Arrays.fill(itemCounts, 0);
            for (int i = 0; i < userCounts.length; i++) {
                userCounts[random.nextInt(userCounts.length)]++;
            }
            for (int i = 0; i < itemCounts.length; i++) {
                itemCounts[random.nextInt(itemCounts.length)]++;
            }
            double estimate = statistic.of(userCounts, itemCounts);
            if (!Double.isNaN(estimate)) {
                estimates[kept++] = estimate;
            }
        }
        double[] sorted = Arrays.copyOf(estimates, kept);
        Arrays.sort(sorted);
        double low = kept == 0 ? point : Math.min(point, Bootstrap.quantileOf(sorted, 0.025));
        double high = kept == 0 ? point : Math.max(point, Bootstrap.quantileOf(sorted, 0.975));
        return new MetricValue(point, low, high, users, unit, higherIsBetter, items, Intervals.BOOTSTRAP_USERS_ITEMS,
                difference ? Bootstrap.twoSidedP(sorted, point) : null);
    }

    /** Observations indexed by user and item, one or two sides (a paired comparison) over the same index. */
    private static final class Table {

        final int sides;
        final List<String> users = new ArrayList<>();
        final List<String> items = new ArrayList<>();
        /** side → user → (item index, value) pairs. */
        final List<List<List<double[]>>> cells = new ArrayList<>();

        Table(List<List<Observation>> bySide) {
            sides = bySide.size();
            Map<String, Integer> userIndex = new HashMap<>();
            Map<String, Integer> itemIndex = new HashMap<>();
            // sorted, so the index (and so every replicate) does not depend on the order observations came in
            TreeMap<String, Boolean> userNames = new TreeMap<>();
            TreeMap<String, Boolean> itemNames = new TreeMap<>();
            bySide.forEach(side -> side.forEach(o -> {
                userNames.put(o.user(), true);
                itemNames.put(o.item(), true);
            }));
            userNames.keySet().forEach(user -> {
                userIndex.put(user, users.size());
                users.add(user);
            });
            itemNames.keySet().forEach(item -> {
                itemIndex.put(item, items.size());
                items.add(item);
            });
            for (List<Observation> side : bySide) {
                List<List<double[]>> byUser = new ArrayList<>();
                for (int u = 0; u < users.size(); u++) {
                    byUser.add(new ArrayList<>());
                }
                List<Observation> ordered = new ArrayList<>(side);
                ordered.sort(java.util.Comparator.comparing(Observation::user).thenComparing(Observation::item));
                for (Observation o : ordered) {
                    byUser.get(userIndex.get(o.user())).add(new double[] {itemIndex.get(o.item()), o.value()});
                }
                cells.add(byUser);
            }
        }

        long usersWithObservations() {
            long count = 0;
            for (int u = 0; u < users.size(); u++) {
                boolean all = true;
                for (List<List<double[]>> side : cells) {
                    all &= !side.get(u).isEmpty();
                }
                count += all ? 1 : 0;
            }
            return count;
        }

        /** User {@code u}'s item-weighted mean on {@code side}, NaN when none of its items was drawn. */
        double userMean(int side, int u, int[] itemCounts) {
            double sum = 0;
            double weight = 0;
            for (double[] cell : cells.get(side).get(u)) {
                int w = itemCounts[(int) cell[0]];
                sum += w * cell[1];
                weight += w;
            }
            return weight == 0 ? Double.NaN : sum / weight;
        }

        double[] userMeans(int[] itemCounts) {
            List<Double> means = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                double mean = userMean(0, u, itemCounts);
                if (!Double.isNaN(mean)) {
                    means.add(mean);
                }
            }
            return means.stream().mapToDouble(Double::doubleValue).toArray();
        }

        double meanOfUserMeans(int side, int[] userCounts, int[] itemCounts) {
            double sum = 0;
            double weight = 0;
            for (int u = 0; u < users.size(); u++) {
                if (userCounts[u] == 0) {
                    continue;
                }
                double mean = userMean(side, u, itemCounts);
                if (!Double.isNaN(mean)) {
                    sum += userCounts[u] * mean;
                    weight += userCounts[u];
                }
            }
            return weight == 0 ? Double.NaN : sum / weight;
        }

        double meanOfPairedDifferences(int[] userCounts, int[] itemCounts) {
            double sum = 0;
            double weight = 0;
            for (int u = 0; u < users.size(); u++) {
                if (userCounts[u] == 0) {
                    continue;
                }
                double a = userMean(0, u, itemCounts);
                double b = userMean(1, u, itemCounts);
                if (!Double.isNaN(a) && !Double.isNaN(b)) {
                    sum += userCounts[u] * (a - b);
                    weight += userCounts[u];
                }
            }
            return weight == 0 ? Double.NaN : sum / weight;
        }
    }
}
