package org.adaptbench.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.adaptbench.reports.results.ApproachNames;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One look for every chart: fonts, white plots, and a colour per approach that stays the same from
 * chart to chart, so "memory" is the same blue everywhere a reader meets it.
 */
final class ChartStyle {

    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    /*
     * One colour-blind-safe palette for every chart: Okabe & Ito's eight colours ("Color Universal
     * Design", 2008), which stay apart under protanopia, deuteranopia and tritanopia, plus a neutral
     * grey for the no-personalization baseline. Each approach keeps its colour in every chart; its
     * sub-conditions are shades of it with dash patterns; controls are drawn as dark reference lines.
     */
    static final Color OKABE_ORANGE = new Color(0xE69F00);
    static final Color OKABE_SKY_BLUE = new Color(0x56B4E9);
    static final Color OKABE_GREEN = new Color(0x009E73);
    static final Color OKABE_YELLOW = new Color(0xF0E442);
    static final Color OKABE_BLUE = new Color(0x0072B2);
    static final Color OKABE_VERMILLION = new Color(0xD55E00);
    static final Color OKABE_PURPLE = new Color(0xCC79A7);
    static final Color OKABE_BLACK = new Color(0x000000);
    static final Color BASELINE_GREY = new Color(0x8C8C8C);
    /** Reference lines (chance, majority ceiling, option-only, oracle). */
    static final Color REFERENCE = new Color(0x3A3A3A);

    private static final Map<String, Color> APPROACH_COLORS = Map.ofEntries(
            Map.entry(ApproachNames.NONE, BASELINE_GREY),
            Map.entry(ApproachNames.FULL_CONTEXT, OKABE_SKY_BLUE),
            Map.entry(ApproachNames.MEMORY, OKABE_BLUE),
            Map.entry(ApproachNames.GLOBAL_LORA, OKABE_VERMILLION),
            Map.entry(ApproachNames.VARIANT_LORA, OKABE_ORANGE),
            Map.entry(ApproachNames.USER_LORA, OKABE_GREEN),
            Map.entry(ApproachNames.DOMAIN_LORA, OKABE_BLACK),
            Map.entry(ApproachNames.COMBINED, OKABE_PURPLE),
            Map.entry(ApproachNames.CHANCE, REFERENCE),
            Map.entry(ApproachNames.MAJORITY_CEILING, REFERENCE),
            Map.entry(ApproachNames.OPTION_ONLY, REFERENCE),
            Map.entry(ApproachNames.ORACLE_CONTEXT, REFERENCE));

    /** Colours for lines that are not approaches (metric families, unknown names), in order of use: the same palette. */
    private static final List<Color> OTHER_COLORS = List.of(
            OKABE_BLUE, OKABE_ORANGE, OKABE_GREEN, OKABE_VERMILLION, OKABE_PURPLE, OKABE_SKY_BLUE, OKABE_BLACK, BASELINE_GREY);

    private static final float LINE_WIDTH = 2f;
    private static final float[][] DASHES = {null, {6f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};

    /** How one named line or bar is drawn. */
    record Look(Color color, Stroke stroke) {
    }

    private ChartStyle() {
    }

    /**
     * Looks for the given names in drawing order: an approach keeps its colour; its sub-conditions
     * ({@code user-lora/nightly}) get shades of it and dash patterns; controls are dashed.
     */
    static Map<String, Look> looks(List<String> names) {
        Map<String, Look> looks = new LinkedHashMap<>();
        Map<String, Integer> siblings = new LinkedHashMap<>();
        int other = 0;
        for (String name : names) {
            // a merged adapter is its approach served differently: a sibling shade of the same colour
            String base = ApproachNames.base(name).replace(ApproachNames.MERGED_SUFFIX, "");
            Color color = APPROACH_COLORS.get(base);
            if (color == null) {
                color = OTHER_COLORS.get(other++ % OTHER_COLORS.size());
                looks.put(name, new Look(color, stroke(0)));
                continue;
            }
            int sibling = siblings.merge(base, 1, Integer::sum) - 1;
            int dash = ApproachNames.isControl(name) ? 1 : sibling % DASHES.length;
            looks.put(name, new Look(shade(color, sibling), stroke(dash)));
        }
        return looks;
    }

    /** The colour of one name as {@link #looks(List)} would give it drawn alone (an approach's own colour). */
    static Color color(String name) {
        return looks(List.of(name)).get(name).color();
    }

    /** A legend entry drawn as {@code shape} in {@code paint}, in the tick font (for legends a chart builds itself). */
    static org.jfree.chart.LegendItem legendItem(String label, java.awt.Shape shape, Paint paint) {
        org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(label, null, null, null, shape, paint);
        item.setLabelFont(TICK_FONT);
        return item;
    }

    /** A legend entry drawn as a short line in {@code look}'s colour and stroke. */
    static org.jfree.chart.LegendItem legendItem(String label, Look look) {
        org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-7, 0, 7, 0),
                look.stroke(), look.color());
        item.setLabelFont(TICK_FONT);
        return item;
    }

    static Paint translucent(Color color, int alpha) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
    }

    /** White background, grey grid, fonts, legend at the bottom, an optional subtitle. */
    static void apply(JFreeChart chart, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
        }
        if (!subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE_FONT);
            sub.setPaint(new Color(0x555555));
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(TICK_FONT);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(GRID);
        plot.setNoDataMessage("no data measured");
        plot.setNoDataMessageFont(LABEL_FONT);
    }

    static void axis(Axis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setAxisLinePaint(Color.GRAY);
    }

    static NumberAxis numberAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.US));
        axis(axis);
        return axis;
    }

    static DecadeLogAxis logAxis(String label) {
        DecadeLogAxis axis = new DecadeLogAxis(label);
        axis(axis);
        return axis;
    }

    /** "accuracy_after_change" → "Accuracy after change". */
    static String humanize(String name) {
        String spaced = name.replace('_', ' ').trim();
        return spaced.isEmpty() ? spaced : spaced.substring(0, 1).toUpperCase(Locale.US) + spaced.substring(1);
    }

    private static Stroke stroke(int dash) {
        float[] pattern = DASHES[dash];
        return pattern == null
                ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, pattern, 0f);
    }

    private static Color shade(Color color, int sibling) {
        if (sibling == 0) {
            return color;
        }
        // alternate darker and lighter shades so neighbouring cadences stay distinguishable
        double amount = 0.22 * ((sibling + 1) / 2);
        int target = sibling % 2 == 1 ? 0 : 255;
        return new Color(mix(color.getRed(), target, amount), mix(color.getGreen(), target, amount), mix(color.getBlue(), target, amount));
    }

    private static int mix(int channel, int target, double amount) {
        return (int) Math.round(channel + (target - channel) * Math.min(amount, 0.7));
    }

    static List<String> sortedApproaches(Collection<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(ApproachNames.ORDER);
        return sorted;
    }
}
