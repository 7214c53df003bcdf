package org.adaptbench.reports.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One figure a claim's verdict rests on: a comparison of a subject with an opponent on one metric (a
 * difference or a ratio, with its 95% interval), or one approach's own figure when it is judged against
 * a threshold (then {@code opponent} is empty).
 *
 * @param label what the figure is, for people ("memory − global-lora on minority answers")
 * @param subject the approach the claim is about (usually memory)
 * @param opponent the approach it is compared with, "" for a figure judged against a threshold
 * @param metric the metric name the figure is computed from ({@link MetricNames})
 * @param unit the figure's unit ({@link Units}; {@link Units#RATIO} for "n times")
 * @param value the point estimate
 * @param ciLow lower end of the 95% interval
 * @param ciHigh upper end of the 95% interval
 * @param n users behind the figure (the smaller side's, for a comparison)
 * @param distinctItems distinct items (questions) behind the figure; null when the results do not say
 * @param pValue for a tested comparison, its two-sided p-value as the verdict used it (adjusted for the
 *     claims table's family of comparisons when the rule adjusts it); null when the figure was not tested
 */
public record ClaimFigure(String label, String subject, String opponent, String metric, String unit, double value, double ciLow,
        double ciHigh, long n, Long distinctItems, @JsonInclude(JsonInclude.Include.NON_NULL) Double pValue) {

    public ClaimFigure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(opponent, "opponent");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value) || !Double.isFinite(ciLow) || !Double.isFinite(ciHigh)) {
            throw new IllegalArgumentException(label + ": figures must be finite: " + value + " [" + ciLow + ", " + ciHigh + "]");
        }
        if (ciLow > value + 1e-9 * Math.abs(value) || ciHigh < value - 1e-9 * Math.abs(value)) {
            throw new IllegalArgumentException(label + ": interval [" + ciLow + ", " + ciHigh + "] does not contain " + value);
        }
        if (n < 1) {
            throw new IllegalArgumentException(label + ": n must be at least 1, was " + n);
        }
        if (distinctItems != null && distinctItems < 1) {
            throw new IllegalArgumentException(label + ": distinct items must be at least 1 when known, was " + distinctItems);
        }
        if (pValue != null && !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException(label + ": a p-value lies in [0, 1], was " + pValue);
        }
    }

    /** One approach's measured figure, judged against a threshold: no opponent; its items when the metric counted them. */
    public static ClaimFigure of(String label, String subject, String metric, MetricValue value) {
        return new ClaimFigure(label, subject, "", metric, value.unit(), value.value(), value.ciLow(), value.ciHigh(), value.n(),
                itemsOf(value), null);
    }

    /**
     * The distinct items behind figures computed from {@code values} (the fewer of theirs, as a
     * comparison rests on the items both were measured on), or null when any of them did not count items.
     */
    public static Long itemsOf(MetricValue... values) {
        long items = Long.MAX_VALUE;
        for (MetricValue value : values) {
            if (value.items() < 1) {
                return null;
            }
            items = Math.min(items, value.items());
        }
        return values.length == 0 ? null : items;
    }

    /** A comparison of {@code subject} with {@code opponent}: the figure, its interval and the smaller side's n. */
    public static ClaimFigure comparison(String label, String subject, String opponent, String metric, String unit, double value,
            double ciLow, double ciHigh, long n) {
        return new ClaimFigure(label, subject, opponent, metric, unit, value, ciLow, ciHigh, n, null, null);
    }

    /** The same figure with the number of distinct items known (null: unknown). */
    public ClaimFigure withDistinctItems(Long items) {
        return new ClaimFigure(label, subject, opponent, metric, unit, value, ciLow, ciHigh, n, items, pValue);
    }

    /** The same comparison with the p-value its verdict used (null: not tested). */
    public ClaimFigure withPValue(Double p) {
        return new ClaimFigure(label, subject, opponent, metric, unit, value, ciLow, ciHigh, n, distinctItems, p);
    }

    /** Distinct items, when the results say. */
    public OptionalLong items() {
        return distinctItems == null ? OptionalLong.empty() : OptionalLong.of(distinctItems);
    }

    /** Whether this is a comparison between two approaches (not a figure against a threshold). */
    public boolean comparesApproaches() {
        return !opponent.isEmpty();
    }
}
