package org.adaptbench.reports.claims;

import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Verdict;

/**
 * A paired difference {@code subject − opponent} on the same users and items (the harness's two-way
 * bootstrap over users and items), with the p-value its verdict uses (Holm-adjusted; null when the
 * figure carries none, and then it can support nothing).
 *
 * @param label what the comparison is, for people
 * @param subject the approach the claim is about
 * @param opponent the approach it is compared with
 * @param metric the metric the difference is of
 * @param difference the paired difference, its interval and n
 * @param p the adjusted p-value, or null
 */
record Paired(String label, String subject, String opponent, String metric, MetricValue difference, Double p) {

    /** Reads the difference and registers its p-value with the family under {@code key}. */
    static Paired of(String key, String label, String subject, String opponent, String metric, MetricValue difference,
            ComparisonFamily family) {
        Double p = difference.pValue() == null ? null : family.p(key, difference.pValue());
        return new Paired(label, subject, opponent, metric, difference, p);
    }

    /** The same comparison seen from the opponent's side: {@code opponent − subject}. */
    Paired flipped(String flippedLabel) {
        MetricValue d = difference;
        MetricValue negated = new MetricValue(-d.value(), -d.ciHigh(), -d.ciLow(), d.n(), d.unit(), d.higherIsBetter(), d.items(),
                d.interval(), d.pValue());
        return new Paired(flippedLabel, opponent, subject, metric, negated, p);
    }

    boolean significant() {
        return p != null && p <= ComparisonFamily.ALPHA;
    }

    /**
     * SUPPORTED when the subject is ahead by at least {@code margin}, its interval above zero and the
     * adjusted p-value at most 5%; CONTRADICTED when even the interval's high end falls short of
     * {@code margin}; otherwise MIXED.
     */
    Verdict verdict(double margin) {
        if (significant() && difference.ciLow() > 0 && difference.value() >= margin) {
            return Verdict.SUPPORTED;
        }
        if (difference.ciHigh() < margin) {
            return Verdict.CONTRADICTED;
        }
        return Verdict.MIXED;
    }

    /** One line saying why {@link #verdict(double)} came out as it did. */
    String why(double margin) {
        String target = Figures.threshold(margin);
        String pText = p == null ? "no p-value" : Figures.pValue(p) + " adjusted";
        return switch (verdict(margin)) {
            case SUPPORTED -> subject + " is ahead of " + opponent + (margin > 0 ? " by at least " + target : "") + " (" + pText + ")";
            case CONTRADICTED -> "against " + opponent + " even the interval's high end (" + Figures.signed(difference.ciHigh())
                    + ") falls short of " + target;
            default -> difference.ciLow() > 0 && !significant() ? subject + " is ahead of " + opponent + " but not after the correction ("
                    + pText + ")" : difference.ciLow() > 0 ? subject + " is ahead of " + opponent + " by less than " + target
                    : "the paired interval against " + opponent + " reaches zero: " + subject + " is not clearly ahead";
        };
    }

    /** The comparison as a claim figure, with its adjusted p-value. */
    ClaimFigure figure() {
        return ClaimFigure.comparison(label, subject, opponent, metric, difference.unit(), difference.value(), difference.ciLow(),
                difference.ciHigh(), difference.n()).withDistinctItems(ClaimFigure.itemsOf(difference)).withPValue(p);
    }

    String describe() {
        return label + " " + Figures.text(difference) + (p == null ? "" : ", " + Figures.pValue(p) + " (Holm)");
    }

    /** The rule sentence for a paired advantage of {@code what} by {@code margin}. */
    static String rule(String what, double margin) {
        String by = margin > 0 ? " by at least " + Figures.threshold(margin) : "";
        return "The paired difference on the same users and items (two-way bootstrap over users and items), "
                + ComparisonFamily.CORRECTION + ". SUPPORTED when " + what + by + " with the interval above zero and adjusted"
                + " p ≤ 0.05; CONTRADICTED when even the interval's high end falls short of " + Figures.threshold(margin)
                + "; otherwise MIXED.";
    }
}
