package org.adaptbench.reports.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 log axis ticked at whole decades with plain labels ("1,000"). JFreeChart's LogAxis
 * labels ticks with attributed strings, which SVG output draws as glyph outlines instead of text.
 */
final class DecadeLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;
    /** Roughly the width of a tick label character at the tick font's size, in pixels. */
    private static final double CHARACTER_WIDTH = 6.5;
    private static final double LABEL_GAP = 10;

    DecadeLogAxis(String label) {
        super(label);
        setSmallestValue(1e-12);
        setMinorTickMarksVisible(false);
    }

    @Override
    protected List<NumberTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        List<NumberTick> ticks = decadeTicks(anchor, 1);
        // a narrow panel (small multiples) labels every second or third decade so "10,000" and "100,000" do not collide
        double widest = ticks.stream().mapToInt(t -> t.getText().length()).max().orElse(1) * CHARACTER_WIDTH + LABEL_GAP;
        int step = (int) Math.ceil(ticks.size() * widest / Math.max(1, dataArea.getWidth()));
        return step > 1 ? decadeTicks(anchor, step) : ticks;
    }

    @Override
    protected List<NumberTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
        return decadeTicks(anchor, 1);
    }

    private List<NumberTick> decadeTicks(TextAnchor anchor, int step) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(12);
        List<NumberTick> ticks = new ArrayList<>();
        int first = (int) Math.ceil(calculateLog(getLowerBound()) - 1e-9);
        int last = (int) Math.floor(calculateLog(getUpperBound()) + 1e-9);
        for (int exponent = first; exponent <= last; exponent += step) {
            double value = Math.pow(10, exponent);
            ticks.add(new NumberTick(TickType.MAJOR, value, format.format(value), anchor, anchor, 0));
        }
        return ticks;
    }
}
