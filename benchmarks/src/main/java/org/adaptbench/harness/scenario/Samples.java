package org.adaptbench.harness.scenario;

import java.util.List;
import org.adaptbench.reports.results.Sample;

/** Re-files an experiment's samples under the scenario (and sweep point) that reports them. */
final class Samples {

    private Samples() {
    }

    static List<Sample> relabel(List<Sample> samples, String scenario, String variant) {
        return samples.stream().map(s -> new Sample(scenario, s.approach(), variant, s.userId(), s.queryId(), s.correct(),
                s.chosen(), s.tokensAdded(), s.latencyMs())).toList();
    }
}
