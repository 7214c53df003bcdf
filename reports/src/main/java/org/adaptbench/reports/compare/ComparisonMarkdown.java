package org.adaptbench.reports.compare;

import java.util.Locale;
import java.util.Optional;
import org.adaptbench.reports.results.Figures;

/** A comparison as a GitHub-flavoured Markdown table, for a pull request comment or a job summary. */
public final class ComparisonMarkdown {

    private ComparisonMarkdown() {
    }

    public static String render(Comparison comparison) {
        StringBuilder out = new StringBuilder();
        out.append("## adaptbench compare\n\n");
        out.append("Baseline `").append(comparison.baseline()).append("` against current `").append(comparison.current())
                .append("` (").append(comparison.kind()).append("). A change counts when it exceeds ")
                .append(Figures.threshold(comparison.thresholdPercent()))
                .append("% and the statistics agree: intervals apart, or Mann-Whitney U on the samples, or McNemar on the same"
                        + " items scored on both sides, at α = ")
                .append(Figures.threshold(Compare.ALPHA)).append(". Gated: ").append(comparison.gate().describe())
                .append(comparison.gate().gates(MetricClass.TIMING) ? "" : " (timing is shown, not gated; --gate all to gate it)")
                .append(".\n\n");
        long regressions = comparison.count(Change.REGRESSION);
        out.append(regressions > 0 ? "**" + plural(regressions, "regression") + "**" : plural(0, "regression"))
                .append(" · ").append(plural(comparison.count(Change.IMPROVEMENT), "improvement"))
                .append(" · ").append(comparison.count(Change.NOT_GATED)).append(" not gated")
                .append(" · ").append(comparison.count(Change.NO_CLEAR_CHANGE)).append(" without clear change")
                .append(" · ").append(comparison.count(Change.ADDED)).append(" added")
                .append(" · ").append(comparison.count(Change.REMOVED)).append(" removed\n\n");
        for (String warning : comparison.warnings()) {
            out.append("> ⚠️ ").append(escape(warning)).append("\n\n");
        }
        if (comparison.metrics().isEmpty()) {
            out.append("Neither input holds any metric.\n");
            return out.toString();
        }
        out.append("| metric | unit | better | baseline | current | change | verdict | statistics |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (MetricComparison metric : comparison.metrics()) {
            out.append("| ").append(escape(metric.name()))
                    .append(" | ").append(escape(metric.unit()))
                    .append(" | ").append(metric.higherIsBetter() ? "higher" : "lower")
                    .append(" | ").append(figure(metric.baseline()))
                    .append(" | ").append(figure(metric.current()))
                    .append(" | ").append(metric.relativeChange().isPresent() ? Figures.percent(metric.relativeChange().getAsDouble()) : "—")
                    .append(" | ").append(label(metric))
                    .append(" | ").append(escape(metric.statistics()))
                    .append(" |\n");
        }
        return out.toString();
    }

    /** A figure with its interval and n; "n/a" interval when the input had none. */
    static String figure(Optional<Measurement> measurement) {
        if (measurement.isEmpty()) {
            return "—";
        }
        Measurement m = measurement.get();
        if (!m.intervalKnown()) {
            return Figures.number(m.value()) + " (no interval) n=" + String.format(Locale.US, "%,d", m.n());
        }
        return Figures.cell(m.value(), m.ciLow(), m.ciHigh(), m.n());
    }

    static String label(MetricComparison metric) {
        return switch (metric.change()) {
            case REGRESSION -> "❌ regression";
            case IMPROVEMENT -> "✅ improvement";
            case NOT_GATED -> "⚪ not gated (" + (worse(metric) ? "worse" : "better") + ")";
            case NO_CLEAR_CHANGE -> "no clear change";
            case ADDED -> "➕ added";
            case REMOVED -> "➖ removed";
        };
    }

    private static boolean worse(MetricComparison metric) {
        double before = metric.baseline().map(Measurement::value).orElse(0.0);
        double after = metric.current().map(Measurement::value).orElse(0.0);
        return metric.higherIsBetter() ? after < before : after > before;
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;");
    }
}
