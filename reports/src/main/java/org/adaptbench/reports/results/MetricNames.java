package org.adaptbench.reports.results;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names of DESIGN.md in the order a report lists them; sweep suffixes sort numerically. */
public final class MetricNames {

    /** Headline metrics first, in the order of the scenarios that produce them. */
    public static final List<String> KNOWN = List.of(
            "accuracy", "accuracy_p10_user", "accuracy_worst_group", "accuracy_minority", "accuracy_majority", "lift_over_none",
            "time_to_adapt_ms",
            "bytes_per_user", "tokens_per_request", "train_seconds", "train_flops",
            "revert_agreement", "selective_retention", "revert_score_diff", "revert_ms",
            "recall_at_1", "recall_at_3", "recall_at_5",
            "latency_p50_ms", "latency_p95_ms", "latency_p99_ms");

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)$");

    /** Known names in their order, then the rest by prefix and numeric suffix ({@code _turns_30} before {@code _turns_100}). */
    public static final Comparator<String> ORDER = Comparator
            .comparingInt((String name) -> {
                int index = KNOWN.indexOf(name);
                return index < 0 ? KNOWN.size() : index;
            })
            .thenComparing(MetricNames::prefix)
            .thenComparingLong(MetricNames::suffixNumber)
            .thenComparing(Comparator.naturalOrder());

    private MetricNames() {
    }

    /** The paired lift of an approach over {@code approach}: {@code lift_over_none}, {@code lift_over_combined_adapter_only}. */
    public static String liftOver(String approach) {
        return "lift_over_" + approach.replace('-', '_').replace('/', '_');
    }

    private static String prefix(String name) {
        Matcher matcher = NUMBERED.matcher(name);
        return matcher.matches() ? matcher.group(1) : name;
    }

    private static long suffixNumber(String name) {
        Matcher matcher = NUMBERED.matcher(name);
        if (!matcher.matches() || matcher.group(2).length() > 18) {
            return -1;
        }
        return Long.parseLong(matcher.group(2));
    }
}
