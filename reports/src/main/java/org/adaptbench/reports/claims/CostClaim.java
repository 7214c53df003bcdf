package org.adaptbench.reports.claims;

import static org.adaptbench.reports.claims.ClaimThresholds.COST_MEMORY_MAX_BYTES;
import static org.adaptbench.reports.claims.ClaimThresholds.COST_MEMORY_MAX_TOKENS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.ClaimBasis;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.Figures;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.ScenarioNames;
import org.adaptbench.reports.results.Verdict;

/** Memory is cheap per user; per-user fine-tuning pays for training and hosting. */
final class CostClaim implements ClaimRule {

    static final String ID = ScenarioNames.COST;
    static final String STATEMENT = "Memory costs kilobytes per user and a few hundred tokens per request; fine-tuning"
            + " costs training runs and adapter hosting.";
    static final String USD_PREFIX = MetricNames.usdPerUserMonth("");
    static final String BREAK_EVEN_PREFIX = MetricNames.breakEvenRequests("");
    static final String RULE = "Uses the cost scenario: memory's bytes_per_user and tokens_per_request, and the projected"
            + " usd_per_user_month_<model> of memory and per-user adapters (user-lora). SUPPORTED when both of memory's"
            + " 95% intervals stay under " + Figures.threshold(COST_MEMORY_MAX_BYTES) + " bytes and "
            + Figures.threshold(COST_MEMORY_MAX_TOKENS) + " tokens and, at every projected model size (at least one), memory's"
            + " cost interval lies below user-lora's; CONTRADICTED when either memory figure's low end exceeds its limit, or user-lora's"
            + " cost interval lies below memory's at every projected size; otherwise MIXED.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Claim evaluate(ScenarioView view) {
        Optional<MetricValue> bytes = view.metric(ScenarioNames.COST, ApproachNames.MEMORY, MetricNames.BYTES_PER_USER);
        Optional<MetricValue> tokens = view.metric(ScenarioNames.COST, ApproachNames.MEMORY, MetricNames.TOKENS_PER_REQUEST);
        if (bytes.isEmpty() || tokens.isEmpty()) {
            return Claims.notMeasured(ID, STATEMENT, RULE, view, ScenarioNames.COST, "bytes_per_user and tokens_per_request of memory");
        }
        List<ClaimFigure> figures = new ArrayList<>();
        figures.add(ClaimFigure.of("memory's bytes per user", ApproachNames.MEMORY, MetricNames.BYTES_PER_USER, bytes.get()));
        figures.add(ClaimFigure.of("memory's tokens per request", ApproachNames.MEMORY, MetricNames.TOKENS_PER_REQUEST, tokens.get()));
        ClaimFigure closest = null;
        List<String> evidence = new ArrayList<>();
        evidence.add("memory stores " + Figures.text(bytes.get()) + " per user and adds " + Figures.text(tokens.get())
                + " per request");
        view.metric(ScenarioNames.COST, ApproachNames.USER_LORA, MetricNames.BYTES_PER_USER).ifPresent(v -> evidence.add("a per-user adapter stores " + Figures.text(v)
                + view.metric(ScenarioNames.COST, ApproachNames.USER_LORA, MetricNames.TRAIN_SECONDS).map(t -> " and trains for " + Figures.text(t)).orElse("")));
        List<Projection> projections = new ArrayList<>();
        for (String metric : view.metricsStartingWith(ScenarioNames.COST, ApproachNames.MEMORY, USD_PREFIX)) {
            Optional<MetricValue> adapter = view.metric(ScenarioNames.COST, ApproachNames.USER_LORA, metric);
            if (adapter.isPresent()) {
                String model = metric.substring(USD_PREFIX.length());
                MetricValue mem = view.metric(ScenarioNames.COST, ApproachNames.MEMORY, metric).orElseThrow();
                projections.add(new Projection(mem, adapter.get()));
                Advantage advantage = Advantage.of(adapter.get(), mem);
                ClaimFigure saving = ClaimFigure.comparison("user-lora − memory, projected $ per user-month at " + model,
                        ApproachNames.MEMORY, ApproachNames.USER_LORA, metric, mem.unit(), advantage.point(), advantage.low(), advantage.high(),
                        Math.min(mem.n(), adapter.get().n())).withDistinctItems(ClaimFigure.itemsOf(mem, adapter.get()));
                figures.add(saving);
                // the model size where memory's saving is least certain decides the claim
                if (closest == null || saving.ciLow() < closest.ciLow()) {
                    closest = saving;
                }
                evidence.add("at " + model + " size memory costs " + Figures.text(mem) + " per user-month, user-lora "
                        + Figures.text(adapter.get()));
            }
        }
        for (String approach : view.approaches(ScenarioNames.COST)) {
            for (String metric : view.metricsStartingWith(ScenarioNames.COST, approach, BREAK_EVEN_PREFIX)) {
                MetricValue breakEven = view.metric(ScenarioNames.COST, approach, metric).orElseThrow();
                evidence.add(approach + " becomes cheaper than memory above " + Figures.text(breakEven)
                        + " per user per month at " + metric.substring(BREAK_EVEN_PREFIX.length()) + " size");
                figures.add(ClaimFigure.of(approach + " break-even at " + metric.substring(BREAK_EVEN_PREFIX.length()), approach, metric,
                        breakEven));
            }
        }
        Verdict verdict = verdict(bytes.get(), tokens.get(), projections);
        ClaimFigure deciding = closest != null ? closest : tighter(figures.get(0), figures.get(1));
        if (closest != null) {
            figures.remove(deciding);
            figures.add(0, deciding);
        }
        return new Claim(Claims.id(ID, view), STATEMENT, String.join("; ", evidence), RULE, verdict)
                .withBasis(new ClaimBasis(deciding, why(verdict, bytes.get(), tokens.get(), projections), figures));
    }

    /** Of memory's two figures, the one closer to its limit. */
    private static ClaimFigure tighter(ClaimFigure bytes, ClaimFigure tokens) {
        return bytes.ciHigh() / COST_MEMORY_MAX_BYTES >= tokens.ciHigh() / COST_MEMORY_MAX_TOKENS ? bytes : tokens;
    }

    private static String why(Verdict verdict, MetricValue bytes, MetricValue tokens, List<Projection> projections) {
        String limits = "under " + Figures.threshold(COST_MEMORY_MAX_BYTES) + " bytes and " + Figures.threshold(COST_MEMORY_MAX_TOKENS)
                + " tokens";
        boolean memoryHeavy = bytes.ciLow() > COST_MEMORY_MAX_BYTES || tokens.ciLow() > COST_MEMORY_MAX_TOKENS;
        return switch (verdict) {
            case SUPPORTED -> "memory stays " + limits + " and is cheaper than user-lora at every projected size";
            case CONTRADICTED -> memoryHeavy ? "memory exceeds its limits (" + limits + ")"
                    : "user-lora is cheaper than memory at every projected size";
            default -> projections.isEmpty() ? "no projected cost of both memory and user-lora to compare"
                    : "memory is not clearly cheaper than user-lora at every projected size, or not clearly " + limits;
        };
    }

    /** Memory's and per-user adapters' projected monthly cost at one model size. */
    record Projection(MetricValue memory, MetricValue adapter) {
    }

    static Verdict verdict(MetricValue bytes, MetricValue tokens, List<Projection> projections) {
        boolean memoryHeavy = bytes.ciLow() > COST_MEMORY_MAX_BYTES || tokens.ciLow() > COST_MEMORY_MAX_TOKENS;
        boolean adapterCheaperEverywhere = !projections.isEmpty()
                && projections.stream().allMatch(p -> p.adapter().ciHigh() < p.memory().ciLow());
        if (memoryHeavy || adapterCheaperEverywhere) {
            return Verdict.CONTRADICTED;
        }
        boolean memoryLight = bytes.ciHigh() <= COST_MEMORY_MAX_BYTES && tokens.ciHigh() <= COST_MEMORY_MAX_TOKENS;
        boolean memoryCheaperEverywhere = !projections.isEmpty() && projections.stream().allMatch(p -> p.memory().ciHigh() < p.adapter().ciLow());
        return memoryLight && memoryCheaperEverywhere ? Verdict.SUPPORTED : Verdict.MIXED;
    }
}
