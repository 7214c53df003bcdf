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
                .append("` (").append(comparison.kind()).append("). ").append(rule(comparison)).append("\n\n");
        long regressions = comparison.count(Change.REGRESSION);
        out.append(regressions > 0 ? "**" + plural(regressions, "regression") + "**" : plural(0, "regression"))
                .append(" · ").append(counts(comparison)).append("\n\n");
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

    /** The counts in one line, for people: {@code 2 regressions · 1 improvement · 40 without clear change · 0 added · 0 removed}. */
    public static String summary(Comparison comparison) {
        return plural(comparison.count(Change.REGRESSION), "regression") + " · " + counts(comparison);
    }

    /** What the comparison rule is, in one sentence. */
    public static String rule(Comparison comparison) {
        return "A change counts when it exceeds " + Figures.threshold(comparison.thresholdPercent())
                + "% and the statistics agree: intervals apart, or Mann-Whitney U on the samples, or McNemar on the same"
                + " items scored on both sides, at α = " + Figures.threshold(Compare.ALPHA) + ". Gated: " + comparison.gate().describe()
                + (comparison.gate().gates(MetricClass.TIMING) ? "" : " (timing is shown, not gated; --gate all to gate it)") + ".";
    }

    private static String counts(Comparison comparison) {
        return plural(comparison.count(Change.IMPROVEMENT), "improvement")
                + " · " + comparison.count(Change.NOT_GATED) + " not gated"
                + " · " + comparison.count(Change.NO_CLEAR_CHANGE) + " without clear change"
                + " · " + comparison.count(Change.ADDED) + " added"
                + " · " + comparison.count(Change.REMOVED) + " removed";
    }

    /** A figure with its interval and n; "n/a" interval when the input had none. */
    public static String figure(MetricComparison metric, boolean current) {
        return figure(current ? metric.current() : metric.baseline());
    }

    /** The verdict on one metric for people, without emoji: {@code regression}, {@code no clear change}. */
    public static String plainLabel(Change change) {
        return change.name().toLowerCase(Locale.US).replace('_', ' ');
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

    /** The verdict on one metric for people; a change that is not gated says which way it went. */
    static String label(MetricComparison metric) {
        return metric.change() == Change.NOT_GATED ? "⚪ not gated (" + (worse(metric) ? "worse" : "better") + ")" : label(metric.change());
    }

    /** The verdict for people, with its mark: {@code ❌ regression}. */
    public static String label(Change change) {
        return switch (change) {
            case REGRESSION -> "❌ regression";
            case IMPROVEMENT -> "✅ improvement";
            case NOT_GATED -> "⚪ not gated";
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
