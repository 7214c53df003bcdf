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

    DecadeLogAxis(String label) {
        super(label);
        setSmallestValue(1e-12);
        setMinorTickMarksVisible(false);
    }

    @Override
    protected List<NumberTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        return decadeTicks(anchor);
    }

    @Override
    protected List<NumberTick> refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        TextAnchor anchor = edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT;
        return decadeTicks(anchor);
    }

    private List<NumberTick> decadeTicks(TextAnchor anchor) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(12);
        List<NumberTick> ticks = new ArrayList<>();
        int first = (int) Math.ceil(calculateLog(getLowerBound()) - 1e-9);
        int last = (int) Math.floor(calculateLog(getUpperBound()) + 1e-9);
        for (int exponent = first; exponent <= last; exponent++) {
            double value = Math.pow(10, exponent);
            ticks.add(new NumberTick(TickType.MAJOR, value, format.format(value), anchor, anchor, 0));
        }
        return ticks;
    }
}
