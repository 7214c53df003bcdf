package org.adaptbench.harness.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.approach.Capability;
import org.adaptbench.harness.approach.Sweep;
import org.adaptbench.harness.approach.domain.DomainAdapter;
import org.adaptbench.harness.approach.registry.ApproachKind;
import org.adaptbench.harness.approach.registry.ApproachSpec;
import org.adaptbench.harness.context.RunContext;
import org.adaptbench.harness.metrics.AccuracyMetrics;
import org.adaptbench.harness.workload.QueryIndex;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.reports.results.MetricNames;
import org.adaptbench.reports.results.Sample;
import org.adaptbench.reports.stats.Bootstrap;

/**
 * Does a domain adapter plus memory beat both? Each approach that reads injected memories through
 * the shared domain adapter (trained with injected memories on users who are never evaluated),
 * against its parts on the same users: that adapter served alone, memory alone on the base model,
 * and the reference; lift over each part is paired per user.
 */
public final class CombinedScenario implements Scenario {

    /** The run's approaches that serve memory through the domain adapter. */
    static List<ApproachSpec> subjects(RunContext context) {
        return context.approaches(spec -> spec.has(Capability.DOMAIN_ADAPTER) && spec.has(Capability.READS_CONTEXT));
    }

    /**
     * The domain adapter without memories, memory on the unchanged model, and the reference: whether
     * or not the run selected them, the claim needs them.
     */
    static List<ApproachSpec> references() {
        List<ApproachSpec> references = new ArrayList<>();
        Arrays.stream(ApproachKind.values()).filter(kind -> kind.has(Capability.DOMAIN_ADAPTER) && !kind.has(Capability.READS_CONTEXT))
                .forEach(kind -> references.add(ApproachSpec.of(kind)));
        Arrays.stream(ApproachKind.values()).filter(kind -> kind.has(Capability.RETRIEVES) && !kind.has(Capability.CHANGES_WEIGHTS))
                .forEach(kind -> references.add(ApproachSpec.of(kind)));
        Arrays.stream(ApproachKind.values()).filter(kind -> kind.has(Capability.REFERENCE))
                .forEach(kind -> references.add(ApproachSpec.of(kind)));
        return references;
    }

    @Override
    public boolean appliesTo(RunContext context, Workload workload) {
        return !subjects(context).isEmpty() && !workload.domainUsers().isEmpty() && !workload.scoredUsers().isEmpty();
    }

    @Override
    public ScenarioOutput run(RunContext context, Workload workload, String key) {
        ScenarioOutput output = new ScenarioOutput();
        Bootstrap bootstrap = context.bench().bootstrap(key);
        QueryIndex queries = new QueryIndex(workload);
        AccuracyMetrics accuracy = context.bench().accuracy(key, queries);
        ApproachContext approaches = context.approachContext(workload);
        for (ApproachSpec subject : subjects(context)) {
            List<ApproachSpec> compared = new ArrayList<>(subject.sweep(Sweep.PARTS, approaches));
            compared.addAll(references());
            Map<String, List<Sample>> byApproach = new LinkedHashMap<>();
            for (ApproachSpec spec : compared) {
                if (!context.applicable(spec) || byApproach.containsKey(spec.wireName())) {
                    continue;
                }
                List<Sample> samples = Samples.relabel(ReplayExperiment.run(context, workload, spec).samples(), key, "");
                byApproach.put(spec.wireName(), samples);
                output.samples(samples);
                output.metrics(spec.wireName(), accuracy.summarize(samples, sample -> queries.group(sample.queryId())));
            }
            List<Sample> both = byApproach.get(subject.wireName());
            if (both == null) {
                continue;
            }
            byApproach.forEach((part, samples) -> {
                if (!part.equals(subject.wireName())) {
                    accuracy.lift(both, samples).ifPresent(lift -> output.metric(subject.wireName(), MetricNames.liftOver(part), lift));
                }
            });
        }
        for (DomainAdapter.Recipe recipe : DomainAdapter.Recipe.values()) {
            DomainAdapter.ifTrained(approaches, recipe).flatMap(DomainAdapter::trained).ifPresent(adapter -> output.note(String.format(
                    java.util.Locale.US, "the domain adapter %s was trained on %d examples of %d domain users (never evaluated, with"
                    + " their own questions and wording) in %.1f s: supervised fine-tuning on their queries' right options, %s. It"
                    + " learns the domain's answers and how to read the context it is given; no evaluated user's preference can"
                    + " reach it.", recipe == DomainAdapter.Recipe.WITH_MEMORIES ? "of combined" : "of domain-lora",
                    adapter.totalExamples(), workload.domainUsers().size(), adapter.totalWallNanos() / 1e9,
                    recipe == DomainAdapter.Recipe.WITH_MEMORIES ? "each asked with the memories the memory approach injected"
                            : "each asked with an empty context")));
        }
        return output;
    }
}
