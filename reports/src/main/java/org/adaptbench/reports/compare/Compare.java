package org.adaptbench.reports.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

/**
 * The CI gate: compares a baseline with a current run, metric by metric.
 *
 * <p>A change is a regression (or an improvement) only when it is larger than the threshold AND the
 * statistics agree it is not noise: the 95% intervals do not overlap, or a two-sided Mann-Whitney U
 * test on the raw samples gives p &lt; {@link #ALPHA} with the samples' median moving the same way as
 * the figure. Figures measured exactly (zero-width
 * intervals, such as byte counts) have no noise, so any change beyond the threshold counts.
 */
public final class Compare {

    /** Significance level of the Mann-Whitney test. */
    public static final double ALPHA = 0.05;
    /** Default threshold of the CLI, in percent. */
    public static final double DEFAULT_THRESHOLD_PERCENT = 5;

    private static final List<Change> ORDER = List.of(Change.REGRESSION, Change.IMPROVEMENT, Change.ADDED, Change.REMOVED,
            Change.NO_CLEAR_CHANGE);

    private Compare() {
    }

    /**
     * Compares two inputs, each a run directory, a {@code results.json} or a JMH JSON file (detected).
     *
     * @throws ResultsFormatException when an input is unreadable, of an unknown kind, or the two kinds differ
     */
    public static Comparison compare(Path baseline, Path current, double thresholdPercent) {
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
        return compare(base, cur, thresholdPercent, warnings);
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
        return compare(base, cur, thresholdPercent, warnings);
    }

    /** Compares two loaded inputs; {@code warnings} so far are kept in front of the comparison's own. */
    public static Comparison compare(MeasurementSet base, MeasurementSet cur, double thresholdPercent, List<String> warnings) {
        List<String> allWarnings = new ArrayList<>(warnings);
        settingsWarning(base, cur).ifPresent(allWarnings::add);
        if (base.measurements().isEmpty()) {
            allWarnings.add("the baseline " + base.source() + " holds no metrics");
        }
        if (cur.measurements().isEmpty()) {
            allWarnings.add("the current input " + cur.source() + " holds no metrics");
        }
        TreeSet<String> names = new TreeSet<>(base.measurements().keySet());
        names.addAll(cur.measurements().keySet());
        List<MetricComparison> metrics = new ArrayList<>();
        for (String name : names) {
            metrics.add(compareOne(name, Optional.ofNullable(base.measurements().get(name)),
                    Optional.ofNullable(cur.measurements().get(name)), thresholdPercent / 100, allWarnings));
        }
        metrics.sort(Comparator.comparingInt((MetricComparison m) -> ORDER.indexOf(m.change())).thenComparing(MetricComparison::name));
        return new Comparison(base.source(), cur.source(), cur.kind(), thresholdPercent, metrics, allWarnings);
    }

    private static MetricComparison compareOne(String name, Optional<Measurement> base, Optional<Measurement> cur, double threshold,
            List<String> warnings) {
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
        Evidence evidence = evidence(b, c);
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

    private static Evidence evidence(Measurement b, Measurement c) {
        if (b.exact() && c.exact()) {
            return new Evidence(b.value() != c.value(), "exact figures");
        }
        List<String> reasons = new ArrayList<>();
        boolean significant = false;
        if (b.intervalKnown() && c.intervalKnown()) {
            boolean apart = b.ciHigh() < c.ciLow() || c.ciHigh() < b.ciLow();
            significant = apart;
            reasons.add(apart ? "intervals apart" : "intervals overlap");
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
            reasons.add("no interval and no samples: cannot tell change from noise");
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
