package org.adaptbench.reports.results;

import java.util.List;
import java.util.Objects;

/**
 * What a claim's verdict rests on, as structured figures a report can lay out: the one comparison that
 * decided it, one line of why, and every figure the rule looked at.
 *
 * @param deciding the comparison (or figure) that decided the verdict; null when nothing was measured
 * @param why one line saying why the deciding figure gives this verdict ("the interval lies above +0.05"); "" when none
 * @param figures every figure the rule used, the deciding one included, in the order the rule read them
 */
public record ClaimBasis(ClaimFigure deciding, String why, List<ClaimFigure> figures) {

    /** No structured basis: a claim not measured, or one read from a file written before claims carried one. */
    public static final ClaimBasis NONE = new ClaimBasis(null, "", List.of());

    public ClaimBasis {
        why = why == null ? "" : why;
        figures = figures == null ? List.of() : List.copyOf(figures);
        Objects.requireNonNull(why, "why");
    }
}
