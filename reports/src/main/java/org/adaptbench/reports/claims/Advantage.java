package org.adaptbench.reports.claims;

import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Verdict;

/**
 * How far one approach is ahead of another on a higher-is-better metric, with conservative bounds
 * taken from the two separate 95% intervals (low end minus the other's high end, and vice versa).
 *
 * @param point difference of the point estimates
 * @param low the least favourable difference the intervals allow
 * @param high the most favourable difference the intervals allow
 */
record Advantage(double point, double low, double high) {

    static Advantage of(MetricValue ahead, MetricValue behind) {
        return new Advantage(ahead.value() - behind.value(), ahead.ciLow() - behind.ciHigh(), ahead.ciHigh() - behind.ciLow());
    }

    /**
     * SUPPORTED when the intervals are apart and the point difference reaches {@code margin};
     * CONTRADICTED when even the most favourable reading stays below {@code margin}; else MIXED.
     */
    Verdict verdict(double margin) {
        if (low > 0 && point >= margin) {
            return Verdict.SUPPORTED;
        }
        if (high < margin) {
            return Verdict.CONTRADICTED;
        }
        return Verdict.MIXED;
    }

    /** The advantage as a claim figure: {@code ahead − behind} on {@code metric}, n of the smaller side. */
    static ClaimFigure figure(String label, String ahead, String behind, String metric, MetricValue aheadValue, MetricValue behindValue) {
        Advantage advantage = of(aheadValue, behindValue);
        return ClaimFigure.comparison(label, ahead, behind, metric, aheadValue.unit(), advantage.point, advantage.low, advantage.high,
                Math.min(aheadValue.n(), behindValue.n())).withDistinctItems(ClaimFigure.itemsOf(aheadValue, behindValue));
    }

    /** One line saying why {@link #verdict(double)} came out as it did for {@code ahead} ("memory"). */
    String why(String ahead, double margin) {
        String target = Figures.threshold(margin);
        return switch (verdict(margin)) {
            case SUPPORTED -> ahead + " is ahead" + (margin > 0 ? " by at least " + target : "") + " with the intervals apart";
            case CONTRADICTED -> "even the most favourable reading (" + signed(high) + ") falls short of " + target;
            default -> low > 0 ? "the intervals are apart, but " + ahead + " is ahead by less than " + target
                    : "the intervals overlap: " + ahead + " is not clearly ahead";
        };
    }

    String describe() {
        return "difference " + signed(point) + " (bounds from the intervals " + signed(low) + " to " + signed(high) + ")";
    }

    private static String signed(double value) {
        return Figures.signed(value);
    }

    /** The rule sentence for an advantage of {@code what} by {@code margin}. */
    static String rule(String what, double margin) {
        String by = margin > 0 ? " by at least " + Figures.threshold(margin) : "";
        return "SUPPORTED when " + what + by + " with the 95% intervals apart; CONTRADICTED when even the most favourable"
                + " reading of the intervals (high end minus the other's low end) falls short of " + Figures.threshold(margin)
                + "; otherwise MIXED.";
    }
}
