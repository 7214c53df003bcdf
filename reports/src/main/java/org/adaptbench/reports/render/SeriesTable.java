package org.adaptbench.reports.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesPoint;

/** A series as a table (x rows, one column per line) so every charted number can be read with its CI and n. */
record SeriesTable(String xLabel, List<String> lines, List<List<String>> rows) {

    static SeriesTable of(Series series) {
        List<String> lines = series.lines().keySet().stream().sorted(ApproachNames.ORDER).toList();
        TreeMap<Double, Map<String, SeriesPoint>> byX = new TreeMap<>();
        series.lines().forEach((line, points) -> points.forEach(p -> byX.computeIfAbsent(p.x(), x -> new TreeMap<>()).put(line, p)));
        List<List<String>> rows = new ArrayList<>();
        byX.forEach((x, points) -> {
            List<String> row = new ArrayList<>();
            row.add(Figures.number(x));
            for (String line : lines) {
                SeriesPoint p = points.get(line);
                row.add(p == null ? "—" : Figures.cell(p.y(), p.ciLow(), p.ciHigh(), p.n()));
            }
            rows.add(row);
        });
        return new SeriesTable(series.xLabel(), lines, rows);
    }
}
