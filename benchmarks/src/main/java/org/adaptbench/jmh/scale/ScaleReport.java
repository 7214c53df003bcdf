package org.adaptbench.jmh.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.adaptbench.reports.chart.RenderedChart;
import org.adaptbench.reports.chart.SeriesCharts;
import org.adaptbench.reports.io.AtomicFiles;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesPoint;

/**
 * The scale run's figures: the measured cells, each metric's growth fitted as a power of N (least
 * squares in log-log) and projected to {@value #PROJECTED_USERS} users (marked projected wherever it
 * appears), and for each arm the largest N up to which its cost per request stayed flat.
 */
final class ScaleReport {

    /** The N the fitted growth is carried to. */
    static final int PROJECTED_USERS = 1_000_000;
    /** Cost per request within this factor of the smallest N's counts as flat. */
    static final double FLAT_FACTOR = 1.5;
    private static final String SCENARIO = "scale";
    private static final String PROJECTED = "/projected";

    private final List<CellResult> cells;
    private final ScaleOptions options;
    private final Setting setting;

    /**
     * Where and how the run was made.
     *
     * @param machine CPU model and cores
     * @param loadBefore 1-minute load average when the run started (other work on a shared machine)
     * @param loadAfter 1-minute load average when it ended
     * @param commit the checkout's commit
     * @param command the command line that reproduces the run
     * @param memoriesPerUser memories each user holds on average (the template users')
     */
    record Setting(String machine, double loadBefore, double loadAfter, String commit, String command, double memoriesPerUser) {
    }

    /** One metric of the table: its schema name, unit, and how to read it off a cell. */
    private record Metric(String name, String label, ToDoubleFunction<CellResult> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric(MetricNames.THROUGHPUT_RPS, "requests/s", c -> c.serving().throughputRps()),
            new Metric(MetricNames.LATENCY_P50_MS, "p50 ms", c -> c.serving().p50Ms()),
            new Metric(MetricNames.LATENCY_P99_MS, "p99 ms", c -> c.serving().p99Ms()),
            new Metric(MetricNames.RESIDENT_BYTES, "resident MB", c -> c.footprint().residentBytes() / 1e6),
            new Metric(MetricNames.BYTES_PER_USER, "disk bytes/user", c -> c.footprint().diskBytesPerUser()),
            new Metric(MetricNames.CACHE_HIT_RATE, "hit rate", CellResult::hitRate));

    ScaleReport(List<CellResult> cells, ScaleOptions options, Setting setting) {
        this.cells = List.copyOf(cells);
        this.options = options;
        this.setting = setting;
    }

    List<CellResult> cells() {
        return cells;
    }

    /** Cells of one arm, by N. */
    List<CellResult> cells(String arm) {
        return cells.stream().filter(c -> c.arm().equals(arm)).sorted(java.util.Comparator.comparingInt(CellResult::users)).toList();
    }

    List<String> arms() {
        return cells.stream().map(CellResult::arm).distinct().toList();
    }

    /** A metric fitted as {@code a · N^b} over the arm's cells and evaluated at {@link #PROJECTED_USERS}; NaN with fewer than two positive points. */
    double projected(String arm, ToDoubleFunction<CellResult> metric) {
        List<double[]> points = new ArrayList<>();
        for (CellResult cell : cells(arm)) {
            double y = metric.applyAsDouble(cell);
            if (y > 0 && Double.isFinite(y)) {
                points.add(new double[] {Math.log(cell.users()), Math.log(y)});
            }
        }
        if (points.size() < 2) {
            return Double.NaN;
        }
        double mx = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (double[] p : points) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return Math.exp(my + slope * (Math.log(PROJECTED_USERS) - mx));
    }

    /** Where the arm's cost per request (wall ms per request) stops being flat, in words. */
    String flatness(String arm) {
        List<CellResult> own = cells(arm);
        CellResult first = own.get(0);
        double base = first.serving().msPerRequest();
        int flatUntil = first.users();
        for (CellResult cell : own) {
            double factor = cell.serving().msPerRequest() / base;
            if (factor > FLAT_FACTOR) {
                return String.format(Locale.US, "%s: flat (within %.1f× of N = %,d) up to N = %,d; at N = %,d a request costs %.2f× as much (%.3f vs %.3f ms).",
                        arm, FLAT_FACTOR, first.users(), flatUntil, cell.users(), factor, cell.serving().msPerRequest(), base);
            }
            flatUntil = cell.users();
        }
        double projected = 1000.0 / projected(arm, c -> c.serving().throughputRps());
        String tail = Double.isNaN(projected) || own.get(own.size() - 1).users() >= PROJECTED_USERS ? ""
                : String.format(Locale.US, " Projected to N = %,d: %.2f× (%.3f ms).", PROJECTED_USERS, projected / base, projected);
        return String.format(Locale.US, "%s: flat (within %.1f× of N = %,d) through the largest N measured, %,d.%s",
                arm, FLAT_FACTOR, first.users(), flatUntil, tail);
    }

    void write(Path out) {
        AtomicFiles.writeString(out.resolve("scale.md"), markdown());
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            AtomicFiles.write(out.resolve("scale.json"), mapper.writeValueAsBytes(json(mapper)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out.resolve("scale.json"), e);
        }
        for (RenderedChart chart : charts()) {
            AtomicFiles.writeString(out.resolve(chart.slug() + ".svg"), chart.svgDocument());
            AtomicFiles.write(out.resolve(chart.slug() + ".png"), chart.png());
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# One base model for N users\n\n");
        md.append(String.format(Locale.US, "Machine: %s; load average %.1f at the start, %.1f at the end. Commit %s.%n%n",
                setting.machine(), setting.loadBefore(), setting.loadAfter(), setting.commit()));
        md.append("```bash\n").append(setting.command()).append("\n```\n\n");
        md.append(String.format(Locale.US, "K = %,d resident adapters, batches of %d, %,d measured requests per cell after %,d warm-up, "
                + "users drawn uniformly at random (seed %d); %.1f memories per user on average.%n%n", options.cacheSize(), options.batchSize(),
                options.requests(), options.warmup(), options.seed(), setting.memoriesPerUser()));
        md.append("| approach | N | requests/s | p50 ms | p99 ms | resident MB | resident Δ MB | disk bytes/user | hit rate | build s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (String arm : arms()) {
            for (CellResult c : cells(arm)) {
                md.append(String.format(Locale.US, "| %s | %,d | %,.0f | %.2f | %.2f | %,.0f | %,.0f | %,.0f | %s | %.1f |%n", arm, c.users(),
                        c.serving().throughputRps(), c.serving().p50Ms(), c.serving().p99Ms(), c.footprint().residentBytes() / 1e6,
                        c.footprint().residentDeltaBytes() / 1e6, c.footprint().diskBytesPerUser(), rate(c.hitRate()), c.footprint().buildSeconds()));
            }
            if (cells(arm).get(cells(arm).size() - 1).users() < PROJECTED_USERS) {
                md.append(String.format(Locale.US, "| %s (projected) | %,d | %,.0f | %.2f | %.2f | %,.0f | – | %,.0f | %s | – |%n", arm, PROJECTED_USERS,
                        projected(arm, c -> c.serving().throughputRps()), projected(arm, c -> c.serving().p50Ms()),
                        projected(arm, c -> c.serving().p99Ms()), projected(arm, c -> c.footprint().residentBytes() / 1e6),
                        projected(arm, c -> c.footprint().diskBytesPerUser()), rate(projected(arm, CellResult::hitRate))));
            }
        }
        md.append("\nProjected rows carry each metric's fitted power of N (least squares in log-log over the measured N) to ")
                .append(String.format(Locale.US, "%,d users; they are not measurements.%n%n", PROJECTED_USERS));
        for (String arm : arms()) {
            md.append("- ").append(flatness(arm)).append('\n');
        }
        return md.toString();
    }

    private ObjectNode json(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("machine", setting.machine());
        root.put("load_average_start", setting.loadBefore());
        root.put("load_average_end", setting.loadAfter());
        root.put("commit", setting.commit());
        root.put("command", setting.command());
        root.put("memories_per_user", setting.memoriesPerUser());
        ObjectNode settings = root.putObject("options");
        settings.put("cache_size", options.cacheSize()).put("batch_size", options.batchSize()).put("requests", options.requests())
                .put("warmup", options.warmup()).put("templates", options.templates()).put("seed", options.seed());
        ArrayNode measured = root.putArray("cells");
        cells.forEach(c -> fill(measured.addObject(), c));
        ArrayNode projected = root.putArray("projected");
        ObjectNode flat = root.putObject("flat");
        for (String arm : arms()) {
            if (cells(arm).get(cells(arm).size() - 1).users() < PROJECTED_USERS) {
                ObjectNode node = projected.addObject();
                node.put("approach", arm).put("users", PROJECTED_USERS).put("projected", true);
                for (Metric metric : METRICS) {
                    number(node, metric.name(), projected(arm, metric.value()));
                }
            }
            flat.put(arm, flatness(arm));
        }
        return root;
    }

    /** A cell's figures as JSON fields (also how a forked cell hands its result back). */
    static void fill(ObjectNode node, CellResult c) {
        node.put("approach", c.arm()).put("users", c.users()).put("requests", c.serving().requests());
        number(node, MetricNames.THROUGHPUT_RPS, c.serving().throughputRps());
        number(node, MetricNames.LATENCY_P50_MS, c.serving().p50Ms());
        number(node, MetricNames.LATENCY_P99_MS, c.serving().p99Ms());
        node.put(MetricNames.RESIDENT_BYTES, c.footprint().residentBytes());
        node.put("resident_delta_bytes", c.footprint().residentDeltaBytes());
        number(node, MetricNames.BYTES_PER_USER, c.footprint().diskBytesPerUser());
        number(node, MetricNames.CACHE_HIT_RATE, c.hitRate());
        number(node, "build_seconds", c.footprint().buildSeconds());
    }

    /** Reads what {@link #fill} wrote. */
    static CellResult cell(JsonNode node) {
        return new CellResult(node.get("approach").asText(), node.get("users").asInt(),
                new CellResult.Serving(node.get("requests").asInt(), node.get(MetricNames.THROUGHPUT_RPS).asDouble(),
                        node.get(MetricNames.LATENCY_P50_MS).asDouble(), node.get(MetricNames.LATENCY_P99_MS).asDouble()),
                new CellResult.Footprint(node.get(MetricNames.RESIDENT_BYTES).asLong(), node.get("resident_delta_bytes").asLong(),
                        node.get(MetricNames.BYTES_PER_USER).asDouble(), node.get("build_seconds").asDouble()),
                node.get(MetricNames.CACHE_HIT_RATE).isNull() ? Double.NaN : node.get(MetricNames.CACHE_HIT_RATE).asDouble());
    }

    /** One chart per metric: a line per arm over N, and a dashed projected line from the largest N to a million. */
    List<RenderedChart> charts() {
        List<RenderedChart> charts = new ArrayList<>();
        for (Metric metric : METRICS) {
            Map<String, List<SeriesPoint>> lines = new LinkedHashMap<>();
            for (String arm : arms()) {
                List<SeriesPoint> points = new ArrayList<>();
                for (CellResult c : cells(arm)) {
                    double y = metric.value().applyAsDouble(c);
                    if (Double.isFinite(y)) {
                        points.add(new SeriesPoint(c.users(), y, y, y, c.serving().requests()));
                    }
                }
                if (points.isEmpty()) {
                    continue;
                }
                lines.put(arm, points);
                double y = projected(arm, metric.value());
                SeriesPoint last = points.get(points.size() - 1);
                if (Double.isFinite(y) && last.x() < PROJECTED_USERS) {
                    lines.put(arm + PROJECTED, List.of(last, new SeriesPoint(PROJECTED_USERS, y, y, y, 0)));
                }
            }
            if (lines.isEmpty()) {
                continue;
            }
            boolean higherIsBetter = metric.name().equals(MetricNames.THROUGHPUT_RPS) || metric.name().equals(MetricNames.CACHE_HIT_RATE);
            Series series = new Series("users N", metric.label(), higherIsBetter, lines);
            String slug = "scale-" + metric.name().replace('_', '-');
            charts.add(SeriesCharts.line(SCENARIO, slug, metric.label() + " against users",
                    "Measured at each N; the " + PROJECTED.substring(1) + " line is the fitted growth carried to "
                            + String.format(Locale.US, "%,d", PROJECTED_USERS) + " users, not a measurement.", series));
        }
        return charts;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    private static String rate(double value) {
        return Double.isFinite(value) ? String.format(Locale.US, "%.3f", value) : "–";
    }
}
