package org.adaptbench.harness.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * Per-user accuracy figures from scored samples: every accuracy is a mean of per-user accuracies,
 * so a user with many queries weighs no more than one with few, and intervals resample users.
 */
public final class AccuracyMetrics {

    /** Groups smaller than this are left out of the worst-group figure: one unlucky user is not a group. */
    public static final int MIN_GROUP_USERS = 3;

    private final Bootstrap bootstrap;

    public AccuracyMetrics(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
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
        metrics.put(MetricNames.ACCURACY, bootstrap.mean(users, Units.FRACTION, true));
        metrics.put(MetricNames.ACCURACY_P10_USER, bootstrap.quantile(users, 0.10, Units.FRACTION, true));
        worstGroup(samples, groupOf).ifPresent(worst -> metrics.put(MetricNames.ACCURACY_WORST_GROUP, worst));
        return metrics;
    }

    /** Mean per-user accuracy over {@code samples} (users with at least one sample); empty when there are none. */
    public java.util.Optional<MetricValue> mean(List<Sample> samples) {
        double[] users = values(perUser(samples));
        return users.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(bootstrap.mean(users, Units.FRACTION, true));
    }

    /** The lowest group accuracy (mean of its users' accuracies) among groups of at least {@link #MIN_GROUP_USERS} users. */
    public java.util.Optional<MetricValue> worstGroup(List<Sample> samples, Function<Sample, String> groupOf) {
        SortedMap<String, List<Sample>> byGroup = new TreeMap<>();
        for (Sample sample : samples) {
            String group = groupOf.apply(sample);
            if (!group.isEmpty()) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(sample);
            }
        }
        MetricValue worst = null;
        for (List<Sample> group : byGroup.values()) {
            double[] users = values(perUser(group));
            if (users.length < MIN_GROUP_USERS) {
                continue;
            }
            MetricValue candidate = bootstrap.mean(users, Units.FRACTION, true);
            if (worst == null || candidate.value() < worst.value()) {
                worst = candidate;
            }
        }
        return java.util.Optional.ofNullable(worst);
    }

    /**
     * Mean paired per-user difference of accuracy between {@code samples} and {@code reference}, over
     * the users both have; empty when they share none.
     */
    public java.util.Optional<MetricValue> lift(List<Sample> samples, List<Sample> reference) {
        SortedMap<String, Double> mine = perUser(samples);
        SortedMap<String, Double> theirs = perUser(reference);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        mine.forEach((user, accuracy) -> {
            Double other = theirs.get(user);
            if (other != null) {
                a.add(accuracy);
                b.add(other);
            }
        });
        if (a.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(bootstrap.pairedMeanDifference(unbox(a), unbox(b), Units.FRACTION, true));
    }

    public static double[] values(Map<String, Double> perUser) {
        return perUser.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
