package org.adaptbench.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.adaptbench.reports.results.ConfigDiff;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsFormatException;
import org.adaptbench.reports.results.ResultsIo;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.stats.Bootstrap;
import org.adaptbench.reports.stats.MannWhitney;
import org.adaptbench.reports.stats.McNemar;

/**
 * The CI gate: compares a baseline with a current run, metric by metric.
 *
 * <p>A change is a regression (or an improvement) only when it is larger than the threshold AND the
 * statistics agree it is not noise: the 95% intervals do not overlap, or a two-sided Mann-Whitney U
 * test on the raw samples gives p &lt; {@link #ALPHA} with the samples' median moving the same way as
 * the figure, or — when both runs scored the same items of the same data — McNemar's test on the
 * items whose outcome changed does. Figures measured exactly (zero-width intervals, such as byte
 * counts) have no noise, so any change beyond the threshold counts; a wall-clock figure is never
 * taken for exact. Only the classes of figures the {@link Gate} names can fail the comparison; the
 * others show as {@link Change#NOT_GATED}.
 */
public final class Compare {

    /** Significance level of the Mann-Whitney test. */
    public static final double ALPHA = 0.05;
    /** Default threshold of the CLI, in percent. */
    public static final double DEFAULT_THRESHOLD_PERCENT = 5;

    private static final List<Change> ORDER = List.of(Change.REGRESSION, Change.IMPROVEMENT, Change.NOT_GATED, Change.ADDED,
            Change.REMOVED, Change.NO_CLEAR_CHANGE);

    private Compare() {
    }

    /**
     * Compares two inputs, each a run directory, a {@code results.json} or a JMH JSON file (detected).
     *
     * @throws ResultsFormatException when an input is unreadable, of an unknown kind, or the two kinds differ
     */
    public static Comparison compare(Path baseline, Path current, double thresholdPercent) {
        return compare(baseline, current, thresholdPercent, Optional.empty());
    }

    /**
     * Compares two inputs with the given gate (empty: {@link Gate#defaultFor} the inputs' kind).
     *
     * @throws ResultsFormatException when an input is unreadable, of an unknown kind, or the two kinds differ
     */
    public static Comparison compare(Path baseline, Path current, double thresholdPercent, Optional<Gate> gate) {
        if (!Double.isFinite(thresholdPercent) || thresholdPercent < 0) {
            throw new IllegalArgumentException("threshold must be a percentage of at least 0, was " + thresholdPercent);
        }
        List<String> warnings = new ArrayList<>();
        MeasurementSet base = load(baseline, warnings);
        MeasurementSet cur = load(current, warnings);
        if (!base.kind().equals(cur.kind())) {
            throw new ResultsFormatException(current, "", "is " + cur.kind() + " but the baseline " + baseline + " is "
                    + base.kind() + "; compare like with like");
        }
        return compare(base, cur, thresholdPercent, gate.orElse(Gate.defaultFor(cur.kind())), warnings);
    }

    /** Compares two loaded inputs under the default gate of their kind. */
    public static Comparison compare(MeasurementSet base, MeasurementSet cur, double thresholdPercent, List<String> warnings) {
        return compare(base, cur, thresholdPercent, Gate.defaultFor(cur.kind()), warnings);
    }

    /**
     * Compares a baseline input with a run whose results are already in memory (a report comparing
     * its run with a baseline): the current side is not read again.
     *
     * @param current the current run's results
     * @param currentSamples its samples ({@code samples.jsonl}; empty when none)
     * @param currentSource how the current side is named in the comparison
     */
    public static Comparison compare(Path baseline, Results current, List<Sample> currentSamples, String currentSource,
            double thresholdPercent) {
        return compare(baseline, current, currentSamples, currentSource, thresholdPercent, Optional.empty());
    }

    /** As {@link #compare(Path, Results, List, String, double)}, gating {@code gate}'s classes (empty: the default of the kind). */
    public static Comparison compare(Path baseline, Results current, List<Sample> currentSamples, String currentSource,
            double thresholdPercent, Optional<Gate> gate) {
        if (!Double.isFinite(thresholdPercent) || thresholdPercent < 0) {
            throw new IllegalArgumentException("threshold must be a percentage of at least 0, was " + thresholdPercent);
        }
        List<String> warnings = new ArrayList<>();
        MeasurementSet base = load(baseline, warnings);
        MeasurementSet cur = ResultsMeasurements.of(currentSource, current, currentSamples);
        if (!base.kind().equals(cur.kind())) {
            throw new ResultsFormatException(baseline, "", "is " + base.kind() + " but the current input is " + cur.kind()
                    + "; compare like with like");
        }
        return compare(base, cur, thresholdPercent, gate.orElse(Gate.defaultFor(cur.kind())), warnings);
    }

    /** Compares two loaded inputs; {@code warnings} so far are kept in front of the comparison's own. */
    public static Comparison compare(MeasurementSet base, MeasurementSet cur, double thresholdPercent, Gate gate, List<String> warnings) {
        List<String> allWarnings = new ArrayList<>(warnings);
        settingsWarning(base, cur).ifPresent(allWarnings::add);
        if (base.measurements().isEmpty()) {
            allWarnings.add("the baseline " + base.source() + " holds no metrics");
        }
        if (cur.measurements().isEmpty()) {
            allWarnings.add("the current input " + cur.source() + " holds no metrics");
        }
        boolean timingGated = gate.gates(MetricClass.TIMING) && timingComparable(base, cur, allWarnings);
        boolean sameData = sameData(base, cur);
        TreeSet<String> names = new TreeSet<>(base.measurements().keySet());
        names.addAll(cur.measurements().keySet());
        List<MetricComparison> metrics = new ArrayList<>();
        for (String name : names) {
            MetricComparison compared = compareOne(name, Optional.ofNullable(base.measurements().get(name)),
                    Optional.ofNullable(cur.measurements().get(name)), thresholdPercent / 100, allWarnings,
                    sameData ? paired(base.items().get(name), cur.items().get(name)) : Optional.empty());
            metrics.add(gated(compared, gate, timingGated));
        }
        metrics.sort(Comparator.comparingInt((MetricComparison m) -> ORDER.indexOf(m.change())).thenComparing(MetricComparison::name));
        return new Comparison(base.source(), cur.source(), cur.kind(), thresholdPercent, metrics, allWarnings, gate);
    }

    /** A change the gate leaves out stays visible as {@link Change#NOT_GATED}, and fails nothing. */
    private static MetricComparison gated(MetricComparison metric, Gate gate, boolean timingGated) {
        if (metric.change() != Change.REGRESSION && metric.change() != Change.IMPROVEMENT) {
            return metric;
        }
        MetricClass metricClass = MetricClass.of(metric.unit());
        boolean counts = metricClass == MetricClass.TIMING ? timingGated : gate.gates(metricClass);
        if (counts) {
            return metric;
        }
        String why = metricClass == MetricClass.TIMING && gate.gates(MetricClass.TIMING)
                ? "not gated: measured on different machines"
                : "not gated: " + metricClass.wireName() + " is not in --gate " + gate.describe();
        return new MetricComparison(metric.name(), metric.unit(), metric.higherIsBetter(), metric.baseline(), metric.current(),
                metric.relativeChange(), Change.NOT_GATED, metric.statistics() + "; " + why);
    }

    /**
     * Wall-clock figures compare only between runs on one machine: when both inputs name theirs and the
     * names differ, timing is not gated (and the warning says which facts differ).
     */
    private static boolean timingComparable(MeasurementSet base, MeasurementSet cur, List<String> warnings) {
        if (base.machine().isPresent() && cur.machine().isPresent()) {
            List<String> differences = new ArrayList<>();
            for (String key : ConfigDiff.differingKeys(base.machine().get(), cur.machine().get())) {
                differences.add(key + " (" + base.machine().get().get(key) + " → " + cur.machine().get().get(key) + ")");
            }
            if (!differences.isEmpty()) {
                warnings.add("measured on different machines: " + String.join("; ", differences) + "; timing figures are not gated");
                return false;
            }
            return true;
        }
        if (base.kind().equals(MeasurementSet.RESULTS)) {
            warnings.add("an input does not record its machine (results written before machines were named): timing figures are"
                    + " gated as asked, but make sure both runs measured on one machine");
        }
        return true;
    }

    /** Whether both sides measured the same data sets (their content hashes agree), so their items can be paired. */
    private static boolean sameData(MeasurementSet base, MeasurementSet cur) {
        Map<String, String> a = new java.util.TreeMap<>();
        Map<String, String> b = new java.util.TreeMap<>();
        base.settings().forEach((key, value) -> {
            if (key.startsWith("dataset_hashes.")) {
                a.put(key, value);
            }
        });
        cur.settings().forEach((key, value) -> {
            if (key.startsWith("dataset_hashes.")) {
                b.put(key, value);
            }
        });
        return !a.isEmpty() && a.equals(b);
    }

    /** Items scored on both sides, when the two sides scored exactly the same items. */
    private static Optional<Paired> paired(java.util.SortedMap<String, Integer> base, java.util.SortedMap<String, Integer> cur) {
        if (base == null || cur == null || base.isEmpty() || !base.keySet().equals(cur.keySet())) {
            return Optional.empty();
        }
        int worse = 0;
        int better = 0;
        for (Map.Entry<String, Integer> item : base.entrySet()) {
            int after = cur.get(item.getKey());
            worse += item.getValue() == 1 && after == 0 ? 1 : 0;
            better += item.getValue() == 0 && after == 1 ? 1 : 0;
        }
        return Optional.of(new Paired(base.size(), worse, better));
    }

    /** The same items scored on both sides: how many went from right to wrong, and from wrong to right. */
    private record Paired(int items, int worse, int better) {
    }

    private static MetricComparison compareOne(String name, Optional<Measurement> base, Optional<Measurement> cur, double threshold,
            List<String> warnings, Optional<Paired> paired) {
        if (base.isEmpty()) {
            Measurement c = cur.orElseThrow();
            return new MetricComparison(name, c.unit(), c.higherIsBetter(), base, cur, OptionalDouble.empty(), Change.ADDED, "only in current");
        }
        if (cur.isEmpty()) {
            Measurement b = base.get();
            return new MetricComparison(name, b.unit(), b.higherIsBetter(), base, cur, OptionalDouble.empty(), Change.REMOVED, "only in baseline");
        }
        Measurement b = base.get();
        Measurement c = cur.get();
        if (!b.unit().equals(c.unit())) {
            warnings.add(name + ": unit changed from " + b.unit() + " to " + c.unit() + " — not compared");
            return new MetricComparison(name, c.unit(), c.higherIsBetter(), base, cur, OptionalDouble.empty(), Change.NO_CLEAR_CHANGE,
                    "units differ (" + b.unit() + " vs " + c.unit() + "): not compared");
        }
        if (b.higherIsBetter() != c.higherIsBetter()) {
            warnings.add(name + ": direction changed (higher_is_better " + b.higherIsBetter() + " → " + c.higherIsBetter()
                    + "); judged by the current direction");
        }
        OptionalDouble relative = relativeChange(b.value(), c.value());
        boolean large = relative.isPresent() ? Math.abs(relative.getAsDouble()) > threshold : b.value() != c.value();
        Evidence evidence = evidence(b, c, paired);
        Change change = Change.NO_CLEAR_CHANGE;
        if (large && evidence.significant()) {
            boolean worse = c.higherIsBetter() ? c.value() < b.value() : c.value() > b.value();
            change = worse ? Change.REGRESSION : Change.IMPROVEMENT;
        }
        String statistics = evidence.text() + (large ? "" : "; within the threshold");
        return new MetricComparison(name, c.unit(), c.higherIsBetter(), base, cur, relative, change, statistics);
    }

    private static OptionalDouble relativeChange(double baseline, double current) {
        if (baseline == 0) {
            return current == 0 ? OptionalDouble.of(0) : OptionalDouble.empty();
        }
        return OptionalDouble.of((current - baseline) / Math.abs(baseline));
    }

    /** Whether the statistics say the two figures differ, and why. */
    private record Evidence(boolean significant, String text) {
    }

    private static Evidence evidence(Measurement b, Measurement c, Optional<Paired> paired) {
        // a wall-clock figure with a zero-width interval is one measurement, not an exact one: its noise is unknown
        boolean timing = MetricClass.of(c.unit()) == MetricClass.TIMING;
        if (b.exact() && c.exact() && !timing) {
            return new Evidence(b.value() != c.value(), "exact figures");
        }
        List<String> reasons = new ArrayList<>();
        boolean significant = false;
        if (b.intervalKnown() && c.intervalKnown() && !(timing && (b.exact() || c.exact()))) {
            boolean apart = b.ciHigh() < c.ciLow() || c.ciHigh() < b.ciLow();
            significant = apart;
            reasons.add(apart ? "intervals apart" : "intervals overlap");
        }
        if (paired.isPresent()) {
            // the same items on both sides: McNemar on the items whose outcome changed, the test for one scorer against another
            Paired items = paired.get();
            double p = McNemar.pValue(items.worse(), items.better());
            boolean sameWay = Math.signum(items.better() - items.worse()) == Math.signum(c.value() - b.value())
                    * (c.higherIsBetter() ? 1 : -1);
            significant |= p < ALPHA && sameWay && items.worse() != items.better();
            reasons.add(String.format(Locale.US, "McNemar p=%s (%d of %d paired items worse, %d better)", pValue(p), items.worse(),
                    items.items(), items.better()));
        }
        double[] baseSamples = b.samples();
        double[] currentSamples = c.samples();
        if (MannWhitney.applicable(baseSamples, currentSamples)) {
            double p = MannWhitney.pValue(baseSamples, currentSamples);
            // the test is two-sided and about the whole distribution: it backs the change only when the
            // samples moved the same way as the figure (a p99 can fall while the bulk shifts up)
            double shift = Bootstrap.quantileOf(currentSamples, 0.5) - Bootstrap.quantileOf(baseSamples, 0.5);
            boolean sameWay = Math.signum(shift) == Math.signum(c.value() - b.value());
            significant |= p < ALPHA && sameWay;
            reasons.add(String.format(Locale.US, "Mann-Whitney U p=%s (n=%d vs %d%s)", Double.isNaN(p) ? "n/a" : pValue(p),
                    baseSamples.length, currentSamples.length,
                    shift == 0 ? ", medians equal" : sameWay ? "" : ", samples moved the other way"));
        }
        if (reasons.isEmpty()) {
            reasons.add(timing ? "one wall-clock measurement per side: cannot tell change from noise"
                    : "no interval and no samples: cannot tell change from noise");
        }
        return new Evidence(significant, String.join("; ", reasons));
    }

    private static String pValue(double p) {
        return p < 1e-4 ? String.format(Locale.US, "%.1e", p) : Figures.number(p);
    }

    /** A warning naming every setting that differs between the two inputs, if any. */
    private static Optional<String> settingsWarning(MeasurementSet base, MeasurementSet cur) {
        List<String> differences = new ArrayList<>();
        for (String key : ConfigDiff.differingKeys(base.settings(), cur.settings())) {
            String b = base.settings().get(key);
            String c = cur.settings().get(key);
            differences.add(key + " (" + (b == null ? "absent" : b) + " → " + (c == null ? "absent" : c) + ")");
        }
        return differences.isEmpty() ? Optional.empty()
                : Optional.of("configs differ between baseline and current: " + String.join("; ", differences));
    }

    /** Loads one input, detecting whether it is a run directory, a results.json or a JMH JSON file. */
    static MeasurementSet load(Path input, List<String> warnings) {
        String source = input.toString();
        if (Files.isDirectory(input)) {
            return ResultsMeasurements.of(source, ResultsIo.read(input), ResultsIo.readSamples(input));
        }
        JsonNode tree = ResultsIo.readJson(input);
        if (tree.isArray()) {
            return JmhMeasurements.of(source, input, tree, warnings);
        }
        if (tree.isObject() && tree.has("schema_version")) {
            Path dir = input.toAbsolutePath().getParent();
            return ResultsMeasurements.of(source, ResultsIo.fromTree(input, tree), ResultsIo.readSamples(dir));
        }
        throw new ResultsFormatException(input, "", "neither an AdaptBench results file (no schema_version)"
                + " nor a JMH result file (a JSON array of benchmarks)");
    }
}
