package org.adaptbench.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars with asymmetric 95% interval whiskers; JFreeChart's statistical renderer only draws
 * mean ± standard deviation, which bootstrap intervals are not.
 */
final class ConfidenceBarRenderer extends BarRenderer {

    private static final long serialVersionUID = 1L;

    /** One bar's 95% interval. */
    record Interval(double low, double high) {
    }

    private final Map<String, Interval> intervals;
    private final List<Color> columnColors;

    /**
     * @param intervals keyed by {@link #key(String, String)}
     * @param columnColors one colour per column (bars coloured by approach), or empty to colour by row
     */
    ConfidenceBarRenderer(Map<String, Interval> intervals, List<Color> columnColors) {
        this.intervals = Map.copyOf(intervals);
        this.columnColors = List.copyOf(columnColors);
        setBarPainter(new StandardBarPainter());
        setShadowVisible(false);
        setDrawBarOutline(false);
        setItemMargin(0.05);
        setMaximumBarWidth(0.12);
    }

    static String key(String row, String column) {
        return row + "\u0000" + column;
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        return columnColors.isEmpty() ? super.getItemPaint(row, column) : columnColors.get(column % columnColors.size());
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        int visibleRow = state.getVisibleSeriesIndex(row);
        Interval interval = intervals.get(key(String.valueOf(dataset.getRowKey(row)), String.valueOf(dataset.getColumnKey(column))));
        if (visibleRow < 0 || interval == null || dataset.getValue(row, column) == null) {
            return;
        }
        PlotOrientation orientation = plot.getOrientation();
        double barStart = calculateBarW0(plot, orientation, dataArea, domainAxis, state, visibleRow, column);
        double middle = barStart + state.getBarWidth() / 2;
        double cap = Math.max(2, state.getBarWidth() / 4);
        RectangleEdge edge = plot.getRangeAxisEdge();
        double low = rangeAxis.valueToJava2D(Math.max(interval.low(), rangeAxis.getLowerBound()), dataArea, edge);
        double high = rangeAxis.valueToJava2D(Math.min(interval.high(), rangeAxis.getUpperBound()), dataArea, edge);
        g2.setPaint(Color.BLACK);
        g2.setStroke(new BasicStroke(1.2f));
        if (orientation == PlotOrientation.VERTICAL) {
            g2.draw(new Line2D.Double(middle, low, middle, high));
            g2.draw(new Line2D.Double(middle - cap, low, middle + cap, low));
            g2.draw(new Line2D.Double(middle - cap, high, middle + cap, high));
        } else {
            g2.draw(new Line2D.Double(low, middle, high, middle));
            g2.draw(new Line2D.Double(low, middle - cap, low, middle + cap));
            g2.draw(new Line2D.Double(high, middle - cap, high, middle + cap));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfidenceBarRenderer that && super.equals(that) && intervals.equals(that.intervals)
                && columnColors.equals(that.columnColors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), intervals, columnColors);
    }
}
