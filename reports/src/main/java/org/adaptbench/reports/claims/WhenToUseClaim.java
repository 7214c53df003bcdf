package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.REGIME_MAX_SHARE_AGAINST;
import static org.adaptbench.reports.claims.ClaimThresholds.REGIME_MIN_SHARE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.adaptbench.reports.results.ApproachInfo;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.ClaimBasis;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.RegimeCell;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.results.Verdict;
import org.adaptbench.reports.stats.Proportions;

/**
 * The seed's "when to use each", read off the regimes map: in the cells where the claim says one side
 * is the right choice, how often the map's pick (the most accurate, ties to the cheaper) is on it.
 *
 * @param id the claim's id
 * @param statement the claim as the seed makes it
 * @param where which cells the claim speaks about, in words
 * @param qualifies whether a cell (with the map's axis ranges) is one the claim speaks about
 * @param fineTuningSide whether the claim says fine-tuning (else memory) is the right choice there
 */
record WhenToUseClaim(String id, String statement, String where, BiPredicate<RegimeCell, Ranges> qualifies, boolean fineTuningSide)
        implements ClaimRule {

    static final String AGREEMENT = "agreement";
    static final String CHANGE_RATE = "change_rate";

    /** Fine-tuning where everyone wants the same and nothing changes. */
    static WhenToUseClaim fineTuning() {
        return new WhenToUseClaim("when_fine_tuning", "Fine-tuning is the right choice when the adaptation applies to all users and"
                + " changes rarely.", "the cells with the map's highest user agreement and its lowest change rate",
                (cell, ranges) -> ranges.at(cell, AGREEMENT) == ranges.max(AGREEMENT) && ranges.at(cell, CHANGE_RATE) == ranges.min(CHANGE_RATE),
                true);
    }

    /** Memory where users differ or preferences move. */
    static WhenToUseClaim memory() {
        return new WhenToUseClaim("when_memory", "Memory is the right choice when the adaptation varies per user or evolves.",
                "the cells with the map's lowest user agreement or its highest change rate",
                (cell, ranges) -> ranges.at(cell, AGREEMENT) == ranges.min(AGREEMENT)
                        || ranges.max(CHANGE_RATE) > ranges.min(CHANGE_RATE) && ranges.at(cell, CHANGE_RATE) == ranges.max(CHANGE_RATE),
                false);
    }

    String rule() {
        return "Uses the regimes map (one synthetic world per cell of user agreement × events per user × change rate) and each"
                + " cell's pick (" + MetricNames.pick(MetricNames.PICK_ACCURACY_THEN_COST, "<approach>") + ": the most accurate"
                + " approach, or among those whose paired difference from it reaches zero, the cheapest). Looks at " + where
                + "; a pick is " + (fineTuningSide ? "fine-tuning when the approach changes weights and reads no context"
                        : "memory when the approach retrieves memories on the unchanged model")
                + ". SUPPORTED when at least " + share(REGIME_MIN_SHARE) + " of those cells pick it, CONTRADICTED when at most "
                + share(REGIME_MAX_SHARE_AGAINST) + " do, otherwise MIXED; the share's interval is exact (Clopper–Pearson).";
    }

    /** The axis ranges of a map. */
    record Ranges(Map<String, double[]> byAxis) {

        double at(RegimeCell cell, String axis) {
            return Double.parseDouble(cell.axes().getOrDefault(axis, "NaN"));
        }

        double min(String axis) {
            return byAxis.getOrDefault(axis, new double[] {Double.NaN, Double.NaN})[0];
        }

        double max(String axis) {
            return byAxis.getOrDefault(axis, new double[] {Double.NaN, Double.NaN})[1];
        }
    }

    @Override
    public Claim evaluate(ScenarioView view, ComparisonFamily family) {
        Map<String, Map<String, MetricValue>> byCell = view.results().scenarios().getOrDefault(view.key(ScenarioNames.REGIMES), Map.of());
        Map<RegimeCell, String> picks = new java.util.LinkedHashMap<>();
        Map<String, double[]> ranges = new java.util.TreeMap<>();
        byCell.forEach((key, metrics) -> RegimeCell.parse(key).ifPresent(cell -> pick(view.results(), metrics).ifPresent(pick -> {
            picks.put(cell, pick);
            cell.axes().forEach((axis, value) -> {
                double v = Double.parseDouble(value);
                ranges.merge(axis, new double[] {v, v}, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            });
        })));
        Ranges axes = new Ranges(ranges);
        List<Map.Entry<RegimeCell, String>> qualifying = picks.entrySet().stream()
                .filter(e -> ranges.containsKey(AGREEMENT) && ranges.containsKey(CHANGE_RATE) && qualifies.test(e.getKey(), axes)).toList();
        if (qualifying.isEmpty()) {
            return Claims.notMeasured(id, statement, rule(), view, ScenarioNames.REGIMES, "a regimes map with picks over agreement and change rate");
        }
        long onSide = qualifying.stream().filter(e -> onSide(view.results(), e.getValue())).count();
        double share = (double) onSide / qualifying.size();
        MetricValue value = Proportions.clopperPearson(share, qualifying.size(), Units.FRACTION, true);
        String side = fineTuningSide ? "fine-tuning" : "memory";
        ClaimFigure deciding = ClaimFigure.of("share of " + where + " that pick " + side, side, MetricNames.pick(MetricNames.PICK_ACCURACY_THEN_COST,
                side), value);
        List<String> evidence = new ArrayList<>();
        evidence.add(onSide + " of " + qualifying.size() + " qualifying cells pick " + side + " (" + Figures.text(value) + ")");
        qualifying.forEach(e -> evidence.add(e.getKey().key() + " → " + e.getValue()));
        long fineTuningPicks = picks.values().stream().filter(p -> fineTuning(view.results(), p)).count();
        if (fineTuningPicks == 0) {
            evidence.add("no cell of the map picks a fine-tuning approach: a finding about the fine-tuning arm to investigate");
        }
        Verdict verdict = share >= REGIME_MIN_SHARE ? Verdict.SUPPORTED : share <= REGIME_MAX_SHARE_AGAINST ? Verdict.CONTRADICTED : Verdict.MIXED;
        String why = onSide + " of " + qualifying.size() + " of " + where + " pick " + side + " (SUPPORTED from " + share(REGIME_MIN_SHARE)
                + ", CONTRADICTED up to " + share(REGIME_MAX_SHARE_AGAINST) + ")";
        return new Claim(Claims.id(id, view), statement, String.join("; ", evidence), rule(), verdict)
                .withBasis(new ClaimBasis(deciding, why, List.of(deciding)));
    }

    private boolean onSide(Results results, String approach) {
        return fineTuningSide ? fineTuning(results, approach) : memory(results, approach);
    }

    private static boolean fineTuning(Results results, String approach) {
        return ApproachNames.isFineTuning(results, approach);
    }

    /** Memory-based personalization: retrieves memories and leaves the model unchanged. */
    private static boolean memory(Results results, String approach) {
        return results.approach(approach).map(info -> info.has(org.adaptbench.reports.results.Capabilities.RETRIEVES)
                && !info.has(org.adaptbench.reports.results.Capabilities.CHANGES_WEIGHTS)).orElse(approach.equals(ApproachNames.MEMORY));
    }

    /** The approach a cell picks by accuracy, ties to the cheaper: the one whose pick metric is 1. */
    private static Optional<String> pick(Results results, Map<String, MetricValue> metrics) {
        List<String> names = new ArrayList<>(results.approaches().stream().map(ApproachInfo::name).toList());
        ApproachNames.APPROACHES.forEach(name -> {
            if (!names.contains(name)) {
                names.add(name);
            }
        });
        return names.stream().filter(name -> Optional.ofNullable(metrics.get(MetricNames.pick(MetricNames.PICK_ACCURACY_THEN_COST, name)))
                .map(v -> v.value() > 0).orElse(false)).findFirst();
    }

    @Override
    public String id() {
        return id;
    }

    private static String share(double fraction) {
        return String.format(java.util.Locale.US, "%.0f%%", fraction * 100);
    }
}
