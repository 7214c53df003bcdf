package org.adaptbench.reports.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A grid of cells over two axes, as small multiples over a third (the regimes map: user agreement ×
 * data per user, one panel per change rate). A cell is either a number, coloured on a sequential
 * colour-blind-safe scale and printed, or a category (the approach a cell picks), coloured as that
 * approach is everywhere else and named.
 */
final class HeatmapChart {

    /** One cell; {@code category} is "" for a numeric cell. */
    record Cell(String panel, String x, String y, double value, String category, String text) {

        Cell {
            Objects.requireNonNull(panel, "panel");
            Objects.requireNonNull(x, "x");
            Objects.requireNonNull(y, "y");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(text, "text");
        }
    }

    /** The axes and their values in display order. */
    record Grid(String xLabel, List<String> xs, String yLabel, List<String> ys, String panelLabel, List<String> panels) {

        Grid {
            xs = List.copyOf(xs);
            ys = List.copyOf(ys);
            panels = List.copyOf(panels);
        }
    }

    /*
     * Sequential scale: five stops of viridis (perceptually uniform, readable in grey and by
     * colour-blind readers), interpolated linearly.
     */
    private static final Color[] VIRIDIS = {
        new Color(0x440154), new Color(0x3B528B), new Color(0x21918C), new Color(0x5EC962), new Color(0xFDE725)};
    private static final Font CELL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private HeatmapChart() {
    }

    static JFreeChart build(String title, String subtitle, Grid grid, List<Cell> cells) {
        boolean categorical = cells.stream().anyMatch(c -> !c.category().isEmpty());
        double min = cells.stream().mapToDouble(Cell::value).filter(Double::isFinite).min().orElse(0);
        double max = cells.stream().mapToDouble(Cell::value).filter(Double::isFinite).max().orElse(1);
        List<String> categories = ChartStyle.sortedApproaches(cells.stream().map(Cell::category).filter(c -> !c.isEmpty()).distinct().toList());
        PaintScale scale = categorical ? new CategoryScale(categories) : new SequentialScale(min, max);
        SymbolAxis yAxis = new SymbolAxis(grid.yLabel(), grid.ys().toArray(String[]::new));
        ChartStyle.axis(yAxis);
        yAxis.setGridBandsVisible(false);
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(yAxis);
        combined.setGap(10);
        for (String panel : grid.panels()) {
            DefaultXYZDataset data = new DefaultXYZDataset();
            List<Cell> own = cells.stream().filter(c -> c.panel().equals(panel)).toList();
            double[][] xyz = new double[3][own.size()];
            for (int i = 0; i < own.size(); i++) {
                Cell cell = own.get(i);
                xyz[0][i] = grid.xs().indexOf(cell.x());
                xyz[1][i] = grid.ys().indexOf(cell.y());
                xyz[2][i] = categorical ? categories.indexOf(cell.category()) : cell.value();
            }
            data.addSeries(panel, xyz);
            String xLabel = grid.panels().size() > 1 ? grid.panelLabel() + " " + panel + " · " + grid.xLabel() : grid.xLabel();
            SymbolAxis xAxis = new SymbolAxis(xLabel, grid.xs().toArray(String[]::new));
            ChartStyle.axis(xAxis);
            xAxis.setGridBandsVisible(false);
            XYBlockRenderer renderer = new XYBlockRenderer();
            renderer.setPaintScale(scale);
            XYPlot plot = new XYPlot(data, xAxis, null, renderer);
            plot.setBackgroundPaint(new Color(0xF4F4F4));
            plot.setDomainGridlinesVisible(false);
            plot.setRangeGridlinesVisible(false);
            plot.setOutlinePaint(ChartStyle.GRID);
            for (int i = 0; i < own.size(); i++) {
                Cell cell = own.get(i);
                XYTextAnnotation text = new XYTextAnnotation(cell.text(), xyz[0][i], xyz[1][i]);
                text.setFont(CELL_FONT);
                text.setTextAnchor(TextAnchor.CENTER);
                text.setPaint(textOn((Color) scale.getPaint(xyz[2][i])));
                plot.addAnnotation(text);
            }
            combined.add(plot);
        }
        if (categorical) {
            LegendItemCollection legend = new LegendItemCollection();
            categories.forEach(c -> legend.add(ChartStyle.legendItem(c, new java.awt.Rectangle(-5, -5, 10, 10), ChartStyle.color(c))));
            combined.setFixedLegendItems(legend);
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, combined, categorical);
        ChartStyle.apply(chart, subtitle);
        return chart;
    }

    /** Black text on light cells, white on dark ones. */
    private static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance > 140 ? Color.BLACK : Color.WHITE;
    }

    /** Approach index → the approach's colour. */
    private record CategoryScale(List<String> categories) implements PaintScale {

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return Math.max(0, categories.size() - 1);
        }

        @Override
        public Paint getPaint(double value) {
            int index = (int) Math.round(value);
            return index < 0 || index >= categories.size() ? Color.LIGHT_GRAY : ChartStyle.color(categories.get(index));
        }
    }

    /** Value → viridis colour between {@code low} and {@code high}. */
    private record SequentialScale(double low, double high) implements PaintScale {

        @Override
        public double getLowerBound() {
            return low;
        }

        @Override
        public double getUpperBound() {
            return high;
        }

        @Override
        public Paint getPaint(double value) {
            double t = high > low ? Math.max(0, Math.min(1, (value - low) / (high - low))) : 0.5;
            double scaled = t * (VIRIDIS.length - 1);
            int i = Math.min(VIRIDIS.length - 2, (int) Math.floor(scaled));
            double f = scaled - i;
            Color a = VIRIDIS[i];
            Color b = VIRIDIS[i + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }

    /** Values of one axis in display order: numeric when every value parses, else as first seen. */
    static List<String> axisOrder(List<String> values) {
        List<String> distinct = new ArrayList<>(values.stream().distinct().toList());
        boolean numeric = distinct.stream().allMatch(v -> v.matches("-?\\d+(\\.\\d+)?"));
        if (numeric) {
            distinct.sort(java.util.Comparator.comparingDouble(Double::parseDouble));
        }
        return distinct;
    }
}
