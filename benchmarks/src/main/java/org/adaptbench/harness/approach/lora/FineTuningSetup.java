package org.adaptbench.harness.approach.lora;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.seed.Seeds;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.AscentConfig;
import org.adaptbench.finetune.train.ContextUse;
import org.adaptbench.finetune.train.TrainingConfig;
import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.extraction.SharedExtraction;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;

/**
 * The fine-tuning side's shared parts for one workload: one data pipeline and one lineage (both
 * built once and shared by every adapter approach), and the training settings the run configures.
 */
public final class FineTuningSetup {

    /** Pooled examples a shared adapter trains on at most, spread evenly over the population. */
    static final int MAX_POOLED_EXAMPLES = 4000;

    private FineTuningSetup() {
    }

    /**
     * The pipeline that turns histories into training examples, with its teacher answers cached once per
     * workload. The teacher is the base model's frozen copy: the base itself has an adapter merged into it
     * while a merged approach answers, and a cached answer must not depend on that.
     */
    static FineTuningData data(ApproachContext context) {
        return context.shared(FineTuningData.class.getName(), FineTuningData.class,
                () -> new FineTuningData(context.bench().teacher(), context.bench().embedder(), context.workload().probes(),
                        context.config().adapters().distillationMinKl(), SharedExtraction.of(context).lineage(),
                        SharedExtraction.of(context).slotClassifier(), askedOf(context.workload()),
                        FineTuningData.Curation.parse(context.config().adapters().curation())));
    }

    /** User id → the probes that are items the user is asked (questions, options), which are never distilled for them. */
    static Map<String, Set<Integer>> askedOf(Workload workload) {
        Map<String, Integer> probeByKey = new HashMap<>();
        for (int p = 0; p < workload.probes().size(); p++) {
            Workload.Probe probe = workload.probes().get(p);
            probeByKey.putIfAbsent(Workloads.probeKey(probe.question(), probe.options()), p);
        }
        Map<String, Set<Integer>> asked = new HashMap<>();
        for (UserData user : workload.dataset().users()) {
            for (Query query : user.queries()) {
                Integer probe = query.isMultipleChoice() ? probeByKey.get(Workloads.probeKey(query.question(), query.options())) : null;
                if (probe != null) {
                    asked.computeIfAbsent(user.userId(), id -> new TreeSet<>()).add(probe);
                }
            }
        }
        return asked;
    }

    /** Adapter training as configured; shared adapters see far more examples, so they take fewer epochs over them. */
    public static AdapterTrainingConfig training(ApproachContext context, String purpose, int epochs) {
        RunConfig.Adapters section = context.config().adapters();
        LoraConfig lora = new LoraConfig(section.rank(), section.alpha(), LoraConfig.defaults().targets());
        TrainingConfig training = new TrainingConfig(epochs, 16, section.learningRate(),
                Seeds.derive(context.config().seed(), "adapter/" + purpose), ContextUse.EMPTY);
        return new AdapterTrainingConfig(lora, training);
    }

    static AscentConfig ascent(ApproachContext context) {
        AscentConfig defaults = AscentConfig.defaults(Seeds.derive(context.config().seed(), "ascent"));
        return new AscentConfig(context.config().reversibility().gradientAscentSteps(), defaults.batchSize(), defaults.learningRate(),
                defaults.retainWeight(), defaults.seed(), defaults.contextUse());
    }
}
