package org.adaptbench.reports.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart as SVG and PNG with nothing time-dependent in either.
 *
 * <p>JFreeSVG seeds its defs-key prefix (clip-path ids) from {@code System.nanoTime()}; it is pinned
 * to the chart's slug here, which also keeps ids unique when several charts share one HTML page.
 * The PNG is written by the JDK's ImageIO encoder, which adds no tIME or text chunks.
 */
public final class ChartRenderer {

    public static final int WIDTH = 760;
    public static final int HEIGHT = 440;
    /** PNG pixels per SVG pixel, so slides stay sharp. */
    public static final int PNG_SCALE = 2;

    static {
        // rotated labels as text with a transform, not glyph outlines (smaller, selectable SVG);
        // the workaround was for JDKs older than this project supports
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartRenderer() {
    }

    public static RenderedChart render(ChartSpec spec) {
        JFreeChart chart = spec.chart();
        Rectangle2D area = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT, SVGUnits.PX);
        svg.setDefsKeyPrefix("ab-" + spec.slug() + "-");
        svg.setGeomDoubleConverter(ChartRenderer::coordinate);
        svg.setTransformDoubleConverter(ChartRenderer::coordinate);
        chart.draw(svg, area);
        String inline = svg.getSVGElement("chart-" + spec.slug(), false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
        String document = svg.getSVGDocument();
        return new RenderedChart(spec.scenario(), spec.slug(), spec.title(), spec.caption(), inline, document, png(chart, area));
    }

    /** Hundredths of a pixel are plenty and keep the inlined SVG small (RyuDouble writes 17 digits). */
    private static String coordinate(double value) {
        double rounded = Math.round(value * 100) / 100.0;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return java.math.BigDecimal.valueOf(rounded).toPlainString();
    }

    private static byte[] png(JFreeChart chart, Rectangle2D area) {
        BufferedImage image = new BufferedImage(WIDTH * PNG_SCALE, HEIGHT * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.scale(PNG_SCALE, PNG_SCALE);
            chart.draw(g2, area);
        } finally {
            g2.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("no PNG encoder in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
        return bytes.toByteArray();
    }
}
