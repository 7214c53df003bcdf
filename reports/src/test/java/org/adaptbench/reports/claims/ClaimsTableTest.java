package org.adaptbench.reports.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.reports.fixture.FixtureRun;
import org.adaptbench.reports.results.Claim;
import org.adaptbench.reports.results.ClaimBasis;
import org.adaptbench.reports.results.ClaimFigure;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.MetricValue;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.Units;
import org.adaptbench.reports.results.Verdict;
import org.junit.jupiter.api.Test;

class ClaimsTableTest {

    /** Results holding exactly the metrics given as (scenario, approach, metric, value, low, high) rows. */
    private static final class Metrics {
        private final Map<String, Map<String, Map<String, MetricValue>>> scenarios = new TreeMap<>();

        Metrics put(String scenario, String approach, String metric, double value, double low, double high) {
            scenarios.computeIfAbsent(scenario, s -> new TreeMap<>()).computeIfAbsent(approach, a -> new TreeMap<>())
                    .put(metric, new MetricValue(value, low, high, 40, "x", true));
            return this;
        }

        Claim claim(String id) {
            Results results = new Results(Results.CURRENT_SCHEMA_VERSION, "t", JsonNodeFactory.instance.objectNode(), "unknown",
                    Map.of(), Map.of(), List.of(), scenarios, Map.of(), Map.of(), List.of());
            return ClaimsTable.compute(results).stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("no claim " + id));
        }
    }

    private static Verdict granularity(double memory, double memoryLow, double memoryHigh, double shared, double sharedLow, double sharedHigh) {
        return new Metrics()
                .put("granularity", "memory", MetricNames.ACCURACY_MINORITY, memory, memoryLow, memoryHigh)
                .put("granularity", "global-lora", MetricNames.ACCURACY_MINORITY, shared, sharedLow, sharedHigh)
                .claim("granularity").verdict();
    }

    @Test
    void granularityVerdicts() {
        assertEquals(Verdict.SUPPORTED, granularity(0.80, 0.75, 0.85, 0.30, 0.25, 0.35));
        assertEquals(Verdict.CONTRADICTED, granularity(0.40, 0.38, 0.42, 0.60, 0.58, 0.62));
        // memory ahead, but by less than the margin even at the most favourable reading
        assertEquals(Verdict.CONTRADICTED, granularity(0.62, 0.61, 0.63, 0.60, 0.59, 0.61));
        assertEquals(Verdict.MIXED, granularity(0.60, 0.50, 0.70, 0.50, 0.40, 0.60));
        Claim missing = new Metrics().put("granularity", "memory", MetricNames.ACCURACY_MINORITY, 0.8, 0.7, 0.9).claim("granularity");
        assertEquals(Verdict.NOT_MEASURED, missing.verdict());
        assertTrue(missing.evidence().contains("global-lora"), missing.evidence());
    }

    private static Verdict adaptation(double memory, double memoryLow, double memoryHigh, double fineTuned, double low, double high) {
        return new Metrics()
                .put("adaptation", "memory", MetricNames.TIME_TO_ADAPT_MS, memory, memoryLow, memoryHigh)
                .put("adaptation", "user-lora/every-event", MetricNames.TIME_TO_ADAPT_MS, fineTuned, low, high)
                .put("adaptation", "user-lora/nightly", MetricNames.TIME_TO_ADAPT_MS, 4.3e7, 4.0e7, 4.6e7)
                .claim("adaptation_speed").verdict();
    }

    @Test
    void adaptationSpeedVerdicts() {
        assertEquals(Verdict.SUPPORTED, adaptation(50, 45, 55, 4000, 3800, 4200));
        assertEquals(Verdict.CONTRADICTED, adaptation(20_000, 15_000, 25_000, 4e7, 3e7, 5e7));
        assertEquals(Verdict.CONTRADICTED, adaptation(50, 45, 55, 40, 30, 44));
        assertEquals(Verdict.MIXED, adaptation(50, 45, 55, 300, 250, 350));
        Claim noFineTuning = new Metrics().put("adaptation", "memory", MetricNames.TIME_TO_ADAPT_MS, 50, 45, 55)
                .put("adaptation", "full-context", MetricNames.TIME_TO_ADAPT_MS, 3, 2, 4).claim("adaptation_speed");
        assertEquals(Verdict.NOT_MEASURED, noFineTuning.verdict());
    }

    private static Metrics cost(double bytes, double tokens) {
        return new Metrics()
                .put("cost", "memory", MetricNames.BYTES_PER_USER, bytes, bytes * 0.9, bytes * 1.1)
                .put("cost", "memory", MetricNames.TOKENS_PER_REQUEST, tokens, tokens * 0.9, tokens * 1.1);
    }

    @Test
    void costVerdicts() {
        Metrics cheap = cost(6000, 240)
                .put("cost", "memory", "usd_per_user_month_llama-3-8b", 0.05, 0.045, 0.055)
                .put("cost", "user-lora", "usd_per_user_month_llama-3-8b", 0.5, 0.45, 0.55)
                .put("cost", "user-lora", "break_even_requests_llama-3-8b", 36_000, 36_000, 36_000);
        Claim supported = cheap.claim("cost");
        assertEquals(Verdict.SUPPORTED, supported.verdict());
        assertTrue(supported.evidence().contains("above 36,000"), supported.evidence());
        assertEquals(Verdict.CONTRADICTED, cost(500_000, 240).claim("cost").verdict());
        assertEquals(Verdict.CONTRADICTED, cost(6000, 5000).claim("cost").verdict());
        Metrics adapterCheaper = cost(6000, 240)
                .put("cost", "memory", "usd_per_user_month_llama-3-70b", 1.0, 0.9, 1.1)
                .put("cost", "user-lora", "usd_per_user_month_llama-3-70b", 0.1, 0.09, 0.11);
        assertEquals(Verdict.CONTRADICTED, adapterCheaper.claim("cost").verdict());
        assertEquals(Verdict.MIXED, cost(6000, 240).claim("cost").verdict(), "no projection: the fine-tuning half is unmeasured");
        Metrics splitDecision = cost(6000, 240)
                .put("cost", "memory", "usd_per_user_month_a", 0.05, 0.045, 0.055)
                .put("cost", "user-lora", "usd_per_user_month_a", 0.5, 0.45, 0.55)
                .put("cost", "memory", "usd_per_user_month_b", 1.0, 0.9, 1.1)
                .put("cost", "user-lora", "usd_per_user_month_b", 0.1, 0.09, 0.11);
        assertEquals(Verdict.MIXED, splitDecision.claim("cost").verdict());
        assertEquals(Verdict.NOT_MEASURED, new Metrics().put("cost", "memory", MetricNames.BYTES_PER_USER, 1, 1, 1).claim("cost").verdict());
    }

    private static Metrics memoryDeletes(String method, double agreement, double low, double high) {
        return new Metrics()
                .put("reversibility", method, MetricNames.REVERT_AGREEMENT, agreement, low, high)
                .put("reversibility", method, MetricNames.SELECTIVE_RETENTION, 0.99, 0.98, 1.0)
                .put("reversibility", method, MetricNames.REVERT_MS, 2, 1.8, 2.2);
    }

    @Test
    void reversibilityVerdicts() {
        Metrics supported = memoryDeletes("memory", 1.0, 1.0, 1.0)
                .put("reversibility", "user-lora/gradient-ascent", MetricNames.REVERT_AGREEMENT, 0.8, 0.75, 0.85)
                .put("reversibility", "user-lora/detach", MetricNames.REVERT_AGREEMENT, 1.0, 1.0, 1.0)
                .put("reversibility", "user-lora/detach", MetricNames.SELECTIVE_RETENTION, 0.3, 0.25, 0.35);
        assertEquals(Verdict.SUPPORTED, supported.claim("reversibility").verdict());
        assertEquals(Verdict.CONTRADICTED, memoryDeletes("memory", 0.8, 0.75, 0.85)
                .put("reversibility", "user-lora/gradient-ascent", MetricNames.REVERT_AGREEMENT, 0.8, 0.75, 0.85).claim("reversibility").verdict());
        Metrics fineTuningRevertsToo = memoryDeletes("memory", 1.0, 1.0, 1.0)
                .put("reversibility", "user-lora/retrain", MetricNames.REVERT_AGREEMENT, 0.99, 0.97, 1.0)
                .put("reversibility", "user-lora/retrain", MetricNames.SELECTIVE_RETENTION, 0.95, 0.92, 0.98)
                .put("reversibility", "user-lora/retrain", MetricNames.REVERT_MS, 500, 450, 550);
        Claim mixed = fineTuningRevertsToo.claim("reversibility");
        assertEquals(Verdict.MIXED, mixed.verdict());
        assertTrue(mixed.evidence().startsWith("memory:"), "falls back to the plain memory approach: " + mixed.evidence());
        assertTrue(mixed.evidence().contains("reverts cleanly"), mixed.evidence());
        assertEquals(Verdict.MIXED, memoryDeletes("memory", 1.0, 1.0, 1.0).claim("reversibility").verdict());
        assertEquals(Verdict.NOT_MEASURED, new Metrics()
                .put("reversibility", "user-lora/retrain", MetricNames.REVERT_AGREEMENT, 0.99, 0.97, 1.0).claim("reversibility").verdict());
    }

    @Test
    void combinedVerdicts() {
        Metrics base = new Metrics().put("combined", "combined", MetricNames.ACCURACY, 0.9, 0.88, 0.92);
        assertEquals(Verdict.SUPPORTED, base.put("combined", "memory", MetricNames.ACCURACY, 0.8, 0.78, 0.82)
                .put("combined", "combined/adapter-only", MetricNames.ACCURACY, 0.7, 0.68, 0.72).claim("combined_best").verdict());
        assertEquals(Verdict.CONTRADICTED, new Metrics().put("combined", "combined", MetricNames.ACCURACY, 0.9, 0.88, 0.92)
                .put("combined", "memory", MetricNames.ACCURACY, 0.95, 0.94, 0.96)
                .put("combined", "combined/adapter-only", MetricNames.ACCURACY, 0.7, 0.68, 0.72).claim("combined_best").verdict());
        assertEquals(Verdict.MIXED, new Metrics().put("combined", "combined", MetricNames.ACCURACY, 0.9, 0.85, 0.95)
                .put("combined", "memory", MetricNames.ACCURACY, 0.88, 0.83, 0.93)
                .put("combined", "combined/adapter-only", MetricNames.ACCURACY, 0.7, 0.68, 0.72).claim("combined_best").verdict());
        assertEquals(Verdict.MIXED, new Metrics().put("combined", "combined", MetricNames.ACCURACY, 0.9, 0.88, 0.92)
                .put("combined", "memory", MetricNames.ACCURACY, 0.8, 0.78, 0.82).claim("combined_best").verdict(), "one part unmeasured");
        assertEquals(Verdict.NOT_MEASURED, new Metrics().put("combined", "memory", MetricNames.ACCURACY, 0.8, 0.78, 0.82)
                .claim("combined_best").verdict());
    }

    @Test
    void eachDatasetIsJudgedOnItsOwnAndUnmeasuredOnesAreLeftOut() {
        Metrics twoDatasets = new Metrics()
                .put("granularity@synthetic", "memory", MetricNames.ACCURACY_MINORITY, 0.80, 0.75, 0.85)
                .put("granularity@synthetic", "global-lora", MetricNames.ACCURACY_MINORITY, 0.30, 0.25, 0.35)
                .put("granularity@prefeval", "memory", MetricNames.ACCURACY_MINORITY, 0.52, 0.45, 0.59)
                .put("granularity@prefeval", "global-lora", MetricNames.ACCURACY_MINORITY, 0.50, 0.43, 0.57)
                .put("cost@prefeval", "memory", MetricNames.TOKENS_PER_REQUEST, 100, 90, 110);
        assertEquals(Verdict.SUPPORTED, twoDatasets.claim("granularity@synthetic").verdict());
        assertEquals(Verdict.MIXED, twoDatasets.claim("granularity@prefeval").verdict());
        assertEquals(Verdict.NOT_MEASURED, twoDatasets.claim("cost").verdict(), "unmeasured everywhere: one row, plain id");
    }

    @Test
    void everyMeasuredClaimNamesItsDecidingComparisonAndWhy() {
        Claim granularity = new Metrics()
                .put("granularity", "memory", MetricNames.ACCURACY_MINORITY, 0.80, 0.75, 0.85)
                .put("granularity", "global-lora", MetricNames.ACCURACY_MINORITY, 0.30, 0.25, 0.35)
                .claim("granularity");
        ClaimFigure deciding = granularity.basis().deciding();
        assertEquals("memory", deciding.subject());
        assertEquals("global-lora", deciding.opponent());
        assertEquals(0.50, deciding.value(), 1e-12);
        assertEquals(0.40, deciding.ciLow(), 1e-12);
        assertEquals(0.60, deciding.ciHigh(), 1e-12);
        assertTrue(granularity.basis().why().contains("apart"), granularity.basis().why());
        assertTrue(granularity.basis().figures().contains(deciding));

        Claim combined = new Metrics().put("combined", "combined", MetricNames.ACCURACY, 0.9, 0.88, 0.92)
                .put("combined", "memory", MetricNames.ACCURACY, 0.85, 0.83, 0.87)
                .put("combined", "combined/adapter-only", MetricNames.ACCURACY, 0.7, 0.68, 0.72).claim("combined_best");
        assertEquals("memory", combined.basis().deciding().opponent(), "decided by the part combined is least clearly ahead of");

        Claim adaptation = new Metrics()
                .put("adaptation", "memory", MetricNames.TIME_TO_ADAPT_MS, 50, 40, 60)
                .put("adaptation", "user-lora/every-event", MetricNames.TIME_TO_ADAPT_MS, 4000, 3600, 4800)
                .put("adaptation", "user-lora/nightly", MetricNames.TIME_TO_ADAPT_MS, 4.3e7, 4.0e7, 4.6e7).claim("adaptation_speed");
        ClaimFigure slowdown = adaptation.basis().deciding();
        assertEquals("memory", slowdown.subject());
        assertEquals("user-lora/every-event", slowdown.opponent(), "the fastest fine-tuning cadence");
        assertEquals(Units.RATIO, slowdown.unit());
        assertEquals(80, slowdown.value(), 1e-9);
        assertEquals(60, slowdown.ciLow(), 1e-9);
        assertEquals(120, slowdown.ciHigh(), 1e-9);

        for (Claim claim : ClaimsTable.compute(FixtureRun.generate().results())) {
            assertTrue(claim.basis().deciding() != null, claim.id() + " has a deciding figure");
            assertFalse(claim.basis().why().isBlank(), claim.id() + " says why");
        }
        Claim missing = new Metrics().put("granularity", "memory", MetricNames.ACCURACY_MINORITY, 0.8, 0.7, 0.9).claim("granularity");
        assertEquals(ClaimBasis.NONE, missing.basis());
    }

    @Test
    void emptyResultsGiveEveryClaimNotMeasured() {
        List<Claim> claims = ClaimsTable.compute(new Results(Results.CURRENT_SCHEMA_VERSION, "t", JsonNodeFactory.instance.objectNode(),
                "unknown", Map.of(), Map.of(), List.of(), Map.of(), Map.of(), Map.of(), List.of()));
        assertEquals(List.of("granularity", "adaptation_speed", "cost", "reversibility", "combined_best"),
                claims.stream().map(Claim::id).toList());
        assertTrue(claims.stream().allMatch(c -> c.verdict() == Verdict.NOT_MEASURED));
    }

    @Test
    void fixtureVerdictsAndRulesQuoteTheThresholds() {
        List<Claim> claims = ClaimsTable.compute(FixtureRun.generate().results());
        Map<String, Verdict> verdicts = new TreeMap<>();
        claims.forEach(c -> verdicts.put(c.id(), c.verdict()));
        assertEquals(Map.of("granularity", Verdict.SUPPORTED, "adaptation_speed", Verdict.SUPPORTED, "cost", Verdict.SUPPORTED,
                "reversibility", Verdict.SUPPORTED, "combined_best", Verdict.MIXED), verdicts);
        Claim granularity = claims.get(0);
        assertTrue(granularity.rule().contains("by at least 0.05"), granularity.rule());
        assertTrue(granularity.evidence().contains("n=10"), "every number with its n: " + granularity.evidence());
        assertTrue(claims.get(1).rule().contains("10,000 ms"), claims.get(1).rule());
    }
}
