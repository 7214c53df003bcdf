package org.adaptbench.reports.results;

import java.util.Locale;

/**
 * How figures are written for people, in one place so the report, the claims table and compare
 * agree: three significant digits, thousands grouped, {@link Locale#US}, and every metric with its
 * interval and n.
 */
public final class Figures {

    private static final double GROUPED_LIMIT = 1e9;
    private static final double SMALL_LIMIT = 1e-4;

    private Figures() {
    }

    /** {@code 0.812}, {@code 12.3}, {@code 1,179,648}, {@code 2.10e+12}, {@code 1.20e-05}. */
    public static String number(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= GROUPED_LIMIT || magnitude < SMALL_LIMIT) {
            return String.format(Locale.US, "%.2e", value);
        }
        if (magnitude >= 1000) {
            return String.format(Locale.US, "%,.0f", value);
        }
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
        return String.format(Locale.US, "%." + decimals + "f", value);
    }

    /** For a table cell whose header names the unit: {@code 0.812 [0.781, 0.840] n=40}. */
    public static String cell(MetricValue metric) {
        return cell(metric.value(), metric.ciLow(), metric.ciHigh(), metric.n());
    }

    /** A value with its interval and n, as in {@link #cell(MetricValue)}. */
    public static String cell(double value, double ciLow, double ciHigh, long n) {
        if (ciLow == value && ciHigh == value) {
            return number(value) + " (exact) n=" + count(n);
        }
        return number(value) + " [" + number(ciLow) + ", " + number(ciHigh) + "] n=" + count(n);
    }

    /** For running text: {@code 46.2 ms (95% CI 40.1 to 52.3, n=48)}. */
    public static String text(MetricValue metric) {
        String value = number(metric.value()) + unitSuffix(metric.unit());
        if (isExact(metric)) {
            return value + " (exact, n=" + count(metric.n()) + ")";
        }
        return value + " (95% CI " + number(metric.ciLow()) + " to " + number(metric.ciHigh()) + ", n=" + count(metric.n()) + ")";
    }

    /**
     * A claim figure for a verdict board: a comparison signed ({@code +0.34 [0.27, 0.41]}), a ratio with
     * "×" ({@code 520× [300×, 900×]}), a plain figure with its unit ({@code 4,800 bytes [4,500, 5,100]}).
     */
    public static String figure(ClaimFigure figure) {
        boolean ratio = Units.RATIO.equals(figure.unit());
        boolean signed = figure.comparesApproaches() && !ratio;
        String unit = ratio ? "" : unitSuffix(figure.unit());
        String times = ratio ? "×" : "";
        String value = (signed ? signed(figure.value()) : number(figure.value())) + times;
        if (figure.ciLow() == figure.value() && figure.ciHigh() == figure.value()) {
            return value + unit + " (exact)";
        }
        return value + unit + " [" + (signed ? signed(figure.ciLow()) : number(figure.ciLow())) + times + ", "
                + (signed ? signed(figure.ciHigh()) : number(figure.ciHigh())) + times + "]";
    }

    /** A p-value as people read it: {@code p = 0.012}, {@code p < 0.0001}. */
    public static String pValue(double p) {
        return p < 1e-4 ? "p < 0.0001" : "p = " + number(p);
    }

    /** A difference with its sign: {@code +0.34}, {@code −0.02} (a true minus sign), {@code 0}. */
    public static String signed(double value) {
        String text = number(Math.abs(value));
        if (value > 0) {
            return "+" + text;
        }
        return value < 0 ? "\u2212" + text : text;
    }

    /** A value with its interval and no n: {@code 0.812 [0.781, 0.840]}, for compact tables whose header gives n. */
    public static String compact(MetricValue metric) {
        if (isExact(metric)) {
            return number(metric.value()) + unitSuffix(metric.unit());
        }
        return number(metric.value()) + " [" + number(metric.ciLow()) + ", " + number(metric.ciHigh()) + "]" + unitSuffix(metric.unit());
    }

    /** A count as people write it: {@code 1,200}. */
    public static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** A threshold as people write it: {@code 0.05}, {@code 10,000}, {@code 0.95}. */
    public static String threshold(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.US, "%,d", (long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A relative change as a signed percentage: {@code +20.3%}. */
    public static String percent(double fraction) {
        return String.format(Locale.US, "%+.1f%%", fraction * 100);
    }

    public static boolean isExact(MetricValue metric) {
        return metric.ciLow() == metric.value() && metric.ciHigh() == metric.value();
    }


    /** The unit written after a number in text: fractions and counts go bare. */
    public static String unitSuffix(String unit) {
        return unit.isEmpty() || unit.equals(Units.FRACTION) ? "" : " " + unit;
    }
}
