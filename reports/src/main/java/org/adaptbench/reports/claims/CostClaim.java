package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.COST_MEMORY_MAX_BYTES;
import static org.adaptbench.reports.claims.ClaimThresholds.COST_MEMORY_MAX_TOKENS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.ClaimBasis;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Series;
import org.adaptbench.reports.results.SeriesNames;
import org.adaptbench.reports.results.SeriesPoint;
import org.adaptbench.reports.results.Verdict;

/**
 * Memory is cheap per user; per-user fine-tuning pays for training and hosting. Memory's footprint is
 * measured; dollars are projected from the cost assumptions, so the verdict is computed at both ends
 * of every assumption's range and says whether it holds across them.
 */
final class CostClaim implements ClaimRule {

    static final String ID = ScenarioNames.COST;
    static final String STATEMENT = "Memory costs a few KB per user and a few hundred tokens per request; fine-tuning"
            + " costs training runs and adapter hosting.";
    static final String ABOVE_PREFIX = MetricNames.usdAboveMemory("");
    static final String BREAK_EVEN_PREFIX = MetricNames.breakEvenRequests("");
    static final String RULE = "Uses the cost scenario. Measured: memory's bytes_per_user and tokens_per_request, whose 95%"
            + " intervals must stay under " + Figures.threshold(COST_MEMORY_MAX_BYTES) + " bytes ('a few KB') and "
            + Figures.threshold(COST_MEMORY_MAX_TOKENS) + " tokens ('a few hundred'). Projected (from cost-assumptions.json, not"
            + " measured): usd_above_memory_<model>, what a per-user adapter (user-lora) costs per user-month above memory, whose"
            + " range spans every assumption at its low and its high end. SUPPORTED when memory's figures stay under their limits"
            + " and user-lora costs more than memory at every projected model size across the whole range (holds across the"
            + " assumption ranges); CONTRADICTED when a memory figure's low end exceeds its limit, or user-lora costs less at every"
            + " size across the whole range; otherwise MIXED, naming the assumptions the answer depends on.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view, ComparisonFamily family) {
        Optional<MetricValue> bytes = view.metric(ScenarioNames.COST, ApproachNames.MEMORY, MetricNames.BYTES_PER_USER);
        Optional<MetricValue> tokens = view.metric(ScenarioNames.COST, ApproachNames.MEMORY, MetricNames.TOKENS_PER_REQUEST);
        if (bytes.isEmpty() || tokens.isEmpty()) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, ScenarioNames.COST, "bytes_per_user and tokens_per_request of memory");
        }
        List<ClaimFigure> figures = new ArrayList<>();
        figures.add(ClaimFigure.of("memory's bytes per user (measured)", ApproachNames.MEMORY, MetricNames.BYTES_PER_USER, bytes.get()));
        figures.add(ClaimFigure.of("memory's tokens per request (measured)", ApproachNames.MEMORY, MetricNames.TOKENS_PER_REQUEST, tokens.get()));
        List<String> evidence = new ArrayList<>();
        evidence.add("measured: memory stores " + Figures.text(bytes.get()) + " per user and adds " + Figures.text(tokens.get())
                + " per request");
        view.metric(ScenarioNames.COST, ApproachNames.USER_LORA, MetricNames.BYTES_PER_USER).ifPresent(v -> evidence.add("a per-user adapter stores "
                + Figures.text(v) + view.metric(ScenarioNames.COST, ApproachNames.USER_LORA, MetricNames.TRAIN_SECONDS)
                        .map(t -> " and trains for " + Figures.text(t)).orElse("")));
        List<MetricValue> above = new ArrayList<>();
        ClaimFigure closest = null;
        TreeSet<String> dependsOn = new TreeSet<>();
        for (String metric : view.metricsStartingWith(ScenarioNames.COST, ApproachNames.USER_LORA, ABOVE_PREFIX)) {
            String model = metric.substring(ABOVE_PREFIX.length());
            MetricValue value = view.metric(ScenarioNames.COST, ApproachNames.USER_LORA, metric).orElseThrow();
            above.add(value);
            ClaimFigure figure = ClaimFigure.comparison("user-lora − memory, $ per user-month at " + model + " (projected; range over"
                    + " the assumptions)", ApproachNames.MEMORY, ApproachNames.USER_LORA, metric, value.unit(), value.value(), value.ciLow(),
                    value.ciHigh(), value.n());
            figures.add(figure);
            // the model size where memory's saving is least certain decides the claim
            if (closest == null || figure.ciLow() < closest.ciLow()) {
                closest = figure;
            }
            evidence.add("projected at " + model + ": user-lora costs " + Figures.text(value) + " per user-month above memory");
            dependsOn.addAll(flips(view, model));
        }
        for (String approach : view.approaches(ScenarioNames.COST)) {
            for (String metric : view.metricsStartingWith(ScenarioNames.COST, approach, BREAK_EVEN_PREFIX)) {
                MetricValue breakEven = view.metric(ScenarioNames.COST, approach, metric).orElseThrow();
                String model = metric.substring(BREAK_EVEN_PREFIX.length());
                evidence.add("projected: " + approach + " becomes cheaper than memory above " + Figures.text(breakEven)
                        + " per user per month at " + model + " size");
                figures.add(ClaimFigure.of(approach + " break-even at " + model + " (projected)", approach, metric, breakEven));
            }
        }
        Verdict verdict = verdict(bytes.get(), tokens.get(), above);
        // memory's own measured figures decide when one of them is not clearly under its limit; the projection only then
        ClaimFigure measured = measuredDeciding(figures.get(0), figures.get(1));
        ClaimFigure deciding = closest == null || !underLimits(bytes.get(), tokens.get()) ? measured : closest;
        figures.remove(deciding);
        figures.add(0, deciding);
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict)
                .withBasis(new ClaimBasis(deciding, why(verdict, bytes.get(), tokens.get(), above, dependsOn), figures));
    }

    /** Whether both of memory's measured figures are under their limits across their intervals. */
    private static boolean underLimits(MetricValue bytes, MetricValue tokens) {
        return bytes.ciHigh() <= COST_MEMORY_MAX_BYTES && tokens.ciHigh() <= COST_MEMORY_MAX_TOKENS;
    }

    /** Of memory's two measured figures, the one over its limit (the further over), else the one closer to its limit. */
    static ClaimFigure measuredDeciding(ClaimFigure bytes, ClaimFigure tokens) {
        double bytesOver = bytes.ciLow() / COST_MEMORY_MAX_BYTES;
        double tokensOver = tokens.ciLow() / COST_MEMORY_MAX_TOKENS;
        if (bytesOver > 1 || tokensOver > 1) {
            return bytesOver >= tokensOver ? bytes : tokens;
        }
        return bytes.ciHigh() / COST_MEMORY_MAX_BYTES >= tokens.ciHigh() / COST_MEMORY_MAX_TOKENS ? bytes : tokens;
    }

    /** The assumptions whose low or high end flips which of user-lora and memory is cheaper at {@code model}. */
    static List<String> flips(ScenarioView view, String model) {
        Series series = view.results().series().getOrDefault(view.key(ScenarioNames.COST), Map.of()).get(SeriesNames.costSensitivity(model));
        if (series == null) {
            return List.of();
        }
        List<String> flips = new ArrayList<>();
        series.lines().forEach((assumption, points) -> {
            boolean above = points.stream().anyMatch(p -> p.y() > 0);
            boolean below = points.stream().anyMatch(p -> p.y() < 0);
            if (above && below || points.stream().map(SeriesPoint::y).anyMatch(y -> y == 0)) {
                flips.add(assumption);
            }
        });
        return flips;
    }

    private static String why(Verdict verdict, MetricValue bytes, MetricValue tokens, List<MetricValue> above, TreeSet<String> dependsOn) {
        String limits = "under " + Figures.threshold(COST_MEMORY_MAX_BYTES) + " bytes and " + Figures.threshold(COST_MEMORY_MAX_TOKENS)
                + " tokens";
        boolean memoryHeavy = bytes.ciLow() > COST_MEMORY_MAX_BYTES || tokens.ciLow() > COST_MEMORY_MAX_TOKENS;
        return switch (verdict) {
            case SUPPORTED -> "memory stays " + limits + " (measured) and is cheaper than user-lora at every projected size; projected:"
                    + " holds across the assumption ranges";
            case CONTRADICTED -> memoryHeavy ? "memory exceeds its limits (" + limits + ", measured): " + over(bytes, tokens)
                    : "user-lora is cheaper than memory at every projected size across the assumption ranges";
            default -> above.isEmpty() ? "no projected cost of user-lora above memory to compare"
                    : !underLimits(bytes, tokens) ? "memory is not clearly " + limits + " (measured)"
                            : "projected: which is cheaper depends on " + (dependsOn.isEmpty() ? "the model size" : String.join(", ", dependsOn));
        };
    }

    /** The measured figures above their limits, e.g. "14,210 bytes per user [13,900, 14,500]". */
    private static String over(MetricValue bytes, MetricValue tokens) {
        List<String> over = new ArrayList<>();
        if (bytes.ciLow() > COST_MEMORY_MAX_BYTES) {
            over.add(Figures.text(bytes) + " per user");
        }
        if (tokens.ciLow() > COST_MEMORY_MAX_TOKENS) {
            over.add(Figures.text(tokens) + " per request");
        }
        return String.join(" and ", over);
    }

    static Verdict verdict(MetricValue bytes, MetricValue tokens, List<MetricValue> above) {
        boolean memoryHeavy = bytes.ciLow() > COST_MEMORY_MAX_BYTES || tokens.ciLow() > COST_MEMORY_MAX_TOKENS;
        boolean adapterCheaperEverywhere = !above.isEmpty() && above.stream().allMatch(a -> a.ciHigh() < 0);
        if (memoryHeavy || adapterCheaperEverywhere) {
            return Verdict.CONTRADICTED;
        }
        boolean memoryLight = underLimits(bytes, tokens);
        boolean memoryCheaperEverywhere = !above.isEmpty() && above.stream().allMatch(a -> a.ciLow() > 0);
        return memoryLight && memoryCheaperEverywhere ? Verdict.SUPPORTED : Verdict.MIXED;
    }
}
