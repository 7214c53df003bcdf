package org.adaptbench.reports.chart;

import java.util.Objects;

/**
 * A chart drawn twice: as SVG for the HTML page and as PNG for slides and READMEs.
 *
 * @param scenario the scenario key the chart belongs to
 * @param slug file name stem, unique within a report ({@code series-adaptation-accuracy_after_change})
 * @param title the chart's title
 * @param caption one sentence saying what the chart shows and how to read it
 * @param inlineSvg an {@code <svg>} element sized by its viewBox, ids prefixed by the slug, for inlining
 * @param svgDocument a standalone SVG file
 * @param png the PNG file's bytes
 */
public record RenderedChart(String scenario, String slug, String title, String caption, String inlineSvg, String svgDocument, byte[] png) {

    public RenderedChart {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(inlineSvg, "inlineSvg");
        Objects.requireNonNull(svgDocument, "svgDocument");
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RenderedChart that && scenario.equals(that.scenario) && slug.equals(that.slug) && title.equals(that.title)
                && caption.equals(that.caption) && inlineSvg.equals(that.inlineSvg)
                && svgDocument.equals(that.svgDocument) && java.util.Arrays.equals(png, that.png);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scenario, slug, title, caption, inlineSvg, svgDocument, java.util.Arrays.hashCode(png));
    }

    @Override
    public String toString() {
        return "RenderedChart[" + slug + "]";
    }
}
