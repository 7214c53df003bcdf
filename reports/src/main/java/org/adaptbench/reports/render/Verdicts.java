package org.adaptbench.reports.render;

import org.adaptbench.reports.results.Verdict;

/** How a verdict is written in the reports. */
final class Verdicts {

    private Verdicts() {
    }

    static String label(Verdict verdict) {
        return switch (verdict) {
            case SUPPORTED -> "supported";
            case CONTRADICTED -> "contradicted";
            case MIXED -> "mixed";
            case NOT_MEASURED -> "not measured";
        };
    }

    /** For HTML: symbols every common font has (emoji need an emoji font, which servers and CI images lack). */
    static String textSymbol(Verdict verdict) {
        return switch (verdict) {
            case SUPPORTED -> "✓";
            case CONTRADICTED -> "✗";
            case MIXED -> "◐";
            case NOT_MEASURED -> "–";
        };
    }

    /** For Markdown, which GitHub renders with its own emoji. */
    static String symbol(Verdict verdict) {
        return switch (verdict) {
            case SUPPORTED -> "✅";
            case CONTRADICTED -> "❌";
            case MIXED -> "⚠️";
            case NOT_MEASURED -> "➖";
        };
    }

    /** A CSS class name for the verdict. */
    static String cssClass(Verdict verdict) {
        return "v-" + verdict.name().toLowerCase(java.util.Locale.US).replace('_', '-');
    }
}
