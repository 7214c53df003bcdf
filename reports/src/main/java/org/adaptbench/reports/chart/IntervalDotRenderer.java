package org.adaptbench.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.reports.results.MetricValue;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.AbstractCategoryItemRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/** Draws each category's figure as a dot with its asymmetric 95% interval as a capped whisker, coloured by category. */
final class IntervalDotRenderer extends AbstractCategoryItemRenderer {

    private static final long serialVersionUID = 1L;
    private static final double DOT = 7;
    private static final double CAP = 4;

    private final Map<String, MetricValue> values;
    private final List<Color> columnColors;

    IntervalDotRenderer(Map<String, MetricValue> values, List<Color> columnColors) {
        this.values = Map.copyOf(values);
        this.columnColors = List.copyOf(columnColors);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
        return columnColors.get(column % columnColors.size());
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        MetricValue value = values.get(String.valueOf(dataset.getColumnKey(column)));
        if (value == null || dataset.getValue(row, column) == null) {
            return;
        }
        PlotOrientation orientation = plot.getOrientation();
        double middle = domainAxis.getCategoryMiddle(column, getColumnCount(dataset), dataArea, plot.getDomainAxisEdge());
        RectangleEdge edge = plot.getRangeAxisEdge();
        double low = rangeAxis.valueToJava2D(Math.max(value.ciLow(), rangeAxis.getLowerBound()), dataArea, edge);
        double high = rangeAxis.valueToJava2D(Math.min(value.ciHigh(), rangeAxis.getUpperBound()), dataArea, edge);
        double at = rangeAxis.valueToJava2D(value.value(), dataArea, edge);
        Paint paint = getItemPaint(row, column);
        g2.setPaint(paint);
        g2.setStroke(new BasicStroke(1.6f));
        boolean horizontal = orientation == PlotOrientation.HORIZONTAL;
        if (value.ciHigh() > value.ciLow()) {
            if (horizontal) {
                g2.draw(new Line2D.Double(low, middle, high, middle));
                g2.draw(new Line2D.Double(low, middle - CAP, low, middle + CAP));
                g2.draw(new Line2D.Double(high, middle - CAP, high, middle + CAP));
            } else {
                g2.draw(new Line2D.Double(middle, low, middle, high));
                g2.draw(new Line2D.Double(middle - CAP, low, middle + CAP, low));
                g2.draw(new Line2D.Double(middle - CAP, high, middle + CAP, high));
            }
        }
        double x = horizontal ? at : middle;
        double y = horizontal ? middle : at;
        Ellipse2D dot = new Ellipse2D.Double(x - DOT / 2, y - DOT / 2, DOT, DOT);
        g2.fill(dot);
        g2.setPaint(Color.WHITE);
        g2.setStroke(new BasicStroke(0.8f));
        g2.draw(dot);
    }

    private static int getColumnCount(CategoryDataset dataset) {
        return dataset.getColumnCount();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IntervalDotRenderer that && super.equals(that) && values.equals(that.values)
                && columnColors.equals(that.columnColors);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), values, columnColors);
    }
}
