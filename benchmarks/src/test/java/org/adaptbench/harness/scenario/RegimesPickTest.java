package org.adaptbench.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.harness.metrics.AccuracyMetrics;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.stats.Bootstrap;
import org.adaptbench.reports.stats.TwoWayBootstrap;
import org.junit.jupiter.api.Test;

/** The regimes map's pick on planted cells: the most accurate, unless a cheaper approach is statistically tied with it. */
class RegimesPickTest {

    private final AccuracyMetrics accuracy = new AccuracyMetrics(new Bootstrap(3, 500), new TwoWayBootstrap(3, 500),
            query -> query.substring(query.indexOf('/') + 1));

    /** 40 users each asked the same 10 items; {@code right} of every 10 answered right. */
    private static List<Sample> answers(String approach, int right) {
        List<Sample> samples = new ArrayList<>();
        for (int u = 0; u < 40; u++) {
            for (int i = 0; i < 10; i++) {
                samples.add(new Sample("regimes", approach, "", "u" + u, "u" + u + "/i" + i, i < right, 0, 0, 1));
            }
        }
        return samples;
    }

    private String pick(Map<String, Integer> rightOfTen, Map<String, Double> costs) {
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        rightOfTen.forEach((approach, right) -> samples.put(approach, answers(approach, right)));
        return pick(rightOfTen, samples, costs);
    }

    private String pick(Map<String, Integer> rightOfTen, Map<String, List<Sample>> samples, Map<String, Double> costs) {
        String winner = rightOfTen.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return RegimesScenario.pick(winner, samples, costs, accuracy);
    }

    @Test
    void aConventionEveryoneHoldsPicksTheSharedAdapter() {
        Map<String, Integer> right = new LinkedHashMap<>(Map.of("none", 3, "memory", 5, "global-lora", 9));
        assertEquals("global-lora", pick(right, Map.of("none", 0.0, "memory", 0.02, "global-lora", 0.001)));
    }

    @Test
    void preferencesThatVaryPerUserPickMemoryThoughItCostsMore() {
        Map<String, Integer> right = new LinkedHashMap<>(Map.of("none", 3, "memory", 8, "global-lora", 4));
        assertEquals("memory", pick(right, Map.of("none", 0.0, "memory", 0.02, "global-lora", 0.001)));
    }

    @Test
    void aTieGoesToTheCheaper() {
        Map<String, Integer> right = new LinkedHashMap<>();
        right.put("memory", 7);
        right.put("user-lora", 7);
        right.put("none", 2);
        assertEquals("memory", pick(right, Map.of("memory", 0.02, "user-lora", 0.4, "none", 0.0)));
        // a loss of one item in ten for every user, on items spread over the pool, is no tie
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        samples.put("memory", answers("memory", 7));
        samples.put("user-lora", answers("user-lora", 7).stream().map(s -> {
            int user = Integer.parseInt(s.userId().substring(1));
            boolean lost = s.queryId().endsWith("/i" + (user % 7));
            return new Sample(s.scenario(), s.approach(), "", s.userId(), s.queryId(), s.correct() && !lost, 0, 0, 1);
        }).toList());
        samples.put("none", answers("none", 2));
        assertEquals("memory", pick(right, samples, Map.of("memory", 0.4, "user-lora", 0.02, "none", 0.0)));
        // the same loss on one shared item of ten is a tie once items are resampled: the cheaper is picked
        right.put("user-lora", 6);
        assertEquals("user-lora", pick(right, Map.of("memory", 0.4, "user-lora", 0.02, "none", 0.0)));
    }
}
