package org.adaptbench.harness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;
import org.adaptbench.reports.stats.TwoWayBootstrap;

/**
 * Per-user accuracy figures from scored samples: every accuracy is a mean of per-user accuracies,
 * so a user with many queries weighs no more than one with few. Means and paired differences carry
 * a two-way interval over users and items (every user is asked from the same pool of items, so both
 * are samples); every figure records how many distinct items it covers.
 */
public final class AccuracyMetrics {

    /** Groups smaller than this are left out of the worst-group figure: one unlucky user is not a group. */
    public static final int MIN_GROUP_USERS = 3;

    private final Bootstrap bootstrap;
    private final TwoWayBootstrap twoWay;
    private final Function<String, String> itemOf;

    /**
     * @param itemOf the item (question with its option set) a query id asks, the unit items are counted
     *     and resampled by
     */
    public AccuracyMetrics(Bootstrap bootstrap, TwoWayBootstrap twoWay, Function<String, String> itemOf) {
        this.bootstrap = bootstrap;
        this.twoWay = twoWay;
        this.itemOf = itemOf;
    }

    /** User → accuracy over that user's samples, in user order. */
    public static SortedMap<String, Double> perUser(List<Sample> samples) {
        return Sample.perUserAccuracy(samples);
    }

    /**
     * accuracy, accuracy_p10_user and accuracy_worst_group for one approach's samples.
     *
     * @param groupOf the preference group of a sample's query ("" when unknown; then no worst group)
     */
    public Map<String, MetricValue> summarize(List<Sample> samples, Function<Sample, String> groupOf) {
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        double[] users = values(perUser(samples));
        if (users.length == 0) {
            return metrics;
        }
        metrics.put(MetricNames.ACCURACY, mean(samples).orElseThrow());
        metrics.put(MetricNames.ACCURACY_P10_USER, bootstrap.quantile(users, 0.10, Units.FRACTION, true).withItems(items(samples)));
        worstGroup(samples, groupOf).ifPresent(worst -> metrics.put(MetricNames.ACCURACY_WORST_GROUP, worst));
        return metrics;
    }

    /** Mean per-user accuracy over {@code samples} with its two-way interval; empty when there are none. */
    public Optional<MetricValue> mean(List<Sample> samples) {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(twoWay.meanOfUserMeans(observations(samples), Units.FRACTION, true));
    }

    /** The lowest group accuracy (mean of its users' accuracies) among groups of at least {@link #MIN_GROUP_USERS} users. */
    public Optional<MetricValue> worstGroup(List<Sample> samples, Function<Sample, String> groupOf) {
        SortedMap<String, List<Sample>> byGroup = new TreeMap<>();
        for (Sample sample : samples) {
            String group = groupOf.apply(sample);
            if (!group.isEmpty()) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(sample);
            }
        }
        MetricValue worst = null;
        for (List<Sample> group : byGroup.values()) {
            if (perUser(group).size() < MIN_GROUP_USERS) {
                continue;
            }
            MetricValue candidate = mean(group).orElseThrow();
            if (worst == null || candidate.value() < worst.value()) {
                worst = candidate;
            }
        }
        return Optional.ofNullable(worst);
    }

    /**
     * Mean paired per-user difference of accuracy between {@code samples} and {@code reference}, over
     * the users both have, with its two-way interval; empty when they share none.
     */
    public Optional<MetricValue> lift(List<Sample> samples, List<Sample> reference) {
        java.util.Set<String> shared = new java.util.HashSet<>(perUser(samples).keySet());
        shared.retainAll(perUser(reference).keySet());
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        List<Sample> mine = samples.stream().filter(sample -> shared.contains(sample.userId())).toList();
        List<Sample> theirs = reference.stream().filter(sample -> shared.contains(sample.userId())).toList();
        return Optional.of(twoWay.pairedDifference(observations(mine), observations(theirs), Units.FRACTION, true));
    }

    /** How many distinct items {@code samples} ask. */
    public long items(List<Sample> samples) {
        TreeSet<String> items = new TreeSet<>();
        samples.forEach(sample -> items.add(itemOf.apply(sample.queryId())));
        return items.size();
    }

    public static double[] values(Map<String, Double> perUser) {
        return perUser.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<TwoWayBootstrap.Observation> observations(List<Sample> samples) {
        return samples.stream().map(sample -> new TwoWayBootstrap.Observation(sample.userId(), itemOf.apply(sample.queryId()),
                sample.correct() ? 1 : 0)).toList();
    }
}
