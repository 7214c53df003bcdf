package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.ADAPT_MEMORY_MAX_MS;
import static org.adaptbench.reports.claims.ClaimThresholds.ADAPT_MIN_SLOWDOWN;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.ClaimBasis;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.results.Verdict;

/** Memory adapts in seconds; fine-tuning needs a training cycle. */
final class AdaptationSpeedClaim implements ClaimRule {

    static final String ID = "adaptation_speed";
    static final String STATEMENT = "Memory picks up a stated or changed preference in seconds; fine-tuning takes a"
            + " training cycle (hours).";
    static final String RULE = "Uses time_to_adapt_ms (adaptation scenario) of memory and of every fine-tuning approach or"
            + " retraining cadence. SUPPORTED when memory's 95% interval stays under " + Figures.threshold(ADAPT_MEMORY_MAX_MS)
            + " ms and every fine-tuning cadence's low end is at least " + Figures.threshold(ADAPT_MIN_SLOWDOWN)
            + "× memory's high end; CONTRADICTED when memory's low end exceeds " + Figures.threshold(ADAPT_MEMORY_MAX_MS)
            + " ms or some fine-tuning cadence is at least as fast (its high end at or below memory's low end); otherwise MIXED.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view, ComparisonFamily family) {
        Optional<MetricValue> memory = view.metric(ScenarioNames.ADAPTATION, ApproachNames.MEMORY, MetricNames.TIME_TO_ADAPT_MS);
        Map<String, MetricValue> fineTuning = view.approachesWith(ScenarioNames.ADAPTATION, MetricNames.TIME_TO_ADAPT_MS).stream()
                .filter(approach -> ApproachNames.isFineTuning(view.results(), approach))
                .collect(Collectors.toMap(a -> a, a -> view.metric(ScenarioNames.ADAPTATION, a, MetricNames.TIME_TO_ADAPT_MS).orElseThrow(),
                        (a, b) -> a, java.util.LinkedHashMap::new));
        if (memory.isEmpty() || fineTuning.isEmpty()) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, ScenarioNames.ADAPTATION,
                    "time_to_adapt_ms of memory and of at least one fine-tuning approach");
        }
        MetricValue mem = memory.get();
        Map.Entry<String, MetricValue> fastest = fineTuning.entrySet().stream()
                .min(Comparator.comparingDouble(e -> e.getValue().value())).orElseThrow();
        Map.Entry<String, MetricValue> slowest = fineTuning.entrySet().stream()
                .max(Comparator.comparingDouble(e -> e.getValue().value())).orElseThrow();
        String evidence = "memory " + Figures.text(mem) + "; fastest fine-tuning: " + fastest.getKey() + " "
                + Figures.text(fastest.getValue()) + " (" + ratio(fastest.getValue().value(), mem.value()) + " memory's)"
                + (slowest.getKey().equals(fastest.getKey()) ? ""
                        : "; slowest: " + slowest.getKey() + " " + Figures.text(slowest.getValue()) + " ("
                                + hours(slowest.getValue().value()) + ")");
        Verdict verdict = verdict(mem, fineTuning.values().stream().toList());
        List<ClaimFigure> figures = new java.util.ArrayList<>();
        ClaimFigure deciding = slowdown(fastest.getKey(), fastest.getValue(), mem);
        figures.add(deciding);
        figures.add(ClaimFigure.of("memory's time to adapt", ApproachNames.MEMORY, MetricNames.TIME_TO_ADAPT_MS, mem));
        fineTuning.forEach((approach, value) -> figures.add(ClaimFigure.of(approach + "'s time to adapt", approach,
                MetricNames.TIME_TO_ADAPT_MS, value)));
        return new Claim(Claims.id(ID, view), STATEMENT, evidence, RULE, verdict)
                .withBasis(new ClaimBasis(deciding, why(verdict, mem, fastest.getKey(), fineTuning), figures));
    }

    /**
     * How many times longer the fastest fine-tuning cadence takes than memory, with bounds from the two
     * intervals; a difference in ms when memory's interval reaches zero (no ratio to speak of).
     */
    private static ClaimFigure slowdown(String approach, MetricValue fineTuning, MetricValue memory) {
        long n = Math.min(fineTuning.n(), memory.n());
        if (memory.ciLow() > 0) {
            return ClaimFigure.comparison("fastest fine-tuning (" + approach + ") ÷ memory, time to adapt", ApproachNames.MEMORY, approach,
                    MetricNames.TIME_TO_ADAPT_MS, Units.RATIO, fineTuning.value() / memory.value(), fineTuning.ciLow() / memory.ciHigh(),
                    fineTuning.ciHigh() / memory.ciLow(), n).withDistinctItems(ClaimFigure.itemsOf(fineTuning, memory));
        }
        return ClaimFigure.comparison("fastest fine-tuning (" + approach + ") − memory, time to adapt", ApproachNames.MEMORY, approach,
                MetricNames.TIME_TO_ADAPT_MS, Units.MS, fineTuning.value() - memory.value(), fineTuning.ciLow() - memory.ciHigh(),
                fineTuning.ciHigh() - memory.ciLow(), n).withDistinctItems(ClaimFigure.itemsOf(fineTuning, memory));
    }

    private static String why(Verdict verdict, MetricValue memory, String fastest, Map<String, MetricValue> fineTuning) {
        String limit = Figures.threshold(ADAPT_MEMORY_MAX_MS) + " ms";
        String slowdown = Figures.threshold(ADAPT_MIN_SLOWDOWN) + "×";
        return switch (verdict) {
            case SUPPORTED -> "memory adapts within " + limit + " and every fine-tuning cadence is at least " + slowdown + " slower";
            case CONTRADICTED -> memory.ciLow() > ADAPT_MEMORY_MAX_MS ? "memory takes longer than " + limit
                    : fineTuning.entrySet().stream().filter(e -> e.getValue().ciHigh() <= memory.ciLow()).map(Map.Entry::getKey)
                            .findFirst().orElse(fastest) + " adapts at least as fast as memory";
            default -> memory.ciHigh() > ADAPT_MEMORY_MAX_MS ? "memory's interval reaches past " + limit
                    : "not every fine-tuning cadence is clearly " + slowdown + " slower (" + fastest + " is the closest)";
        };
    }

    static Verdict verdict(MetricValue memory, List<MetricValue> fineTuning) {
        boolean someAsFast = fineTuning.stream().anyMatch(f -> f.ciHigh() <= memory.ciLow());
        if (memory.ciLow() > ADAPT_MEMORY_MAX_MS || someAsFast) {
            return Verdict.CONTRADICTED;
        }
        if (memory.ciHigh() <= ADAPT_MEMORY_MAX_MS && fineTuning.stream().allMatch(f -> f.ciLow() >= ADAPT_MIN_SLOWDOWN * memory.ciHigh())) {
            return Verdict.SUPPORTED;
        }
        return Verdict.MIXED;
    }

    private static String ratio(double slow, double fast) {
        return fast > 0 ? Figures.number(slow / fast) + "×" : "any multiple of";
    }

    private static String hours(double ms) {
        return Figures.number(ms / 3_600_000) + " h";
    }
}
