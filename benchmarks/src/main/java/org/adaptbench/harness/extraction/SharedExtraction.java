package org.adaptbench.harness.extraction;

import org.adaptbench.harness.approach.ApproachContext;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.personalization.extract.LlmPreferenceExtractor;
import org.adaptbench.personalization.extract.OfflinePreferenceExtractor;
import org.adaptbench.personalization.extract.PreferenceExtractor;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotClassifier;

/**
 * The one reading of a conversation both sides of the comparison share: the preference extractor
 * the memory layer files turns with is the one the fine-tuning pipeline curates its data and finds
 * deleted data with, so neither side understands the conversation better than the other.
 */
public final class SharedExtraction {

    private final Bench bench;
    private final SlotCatalogue slots;
    private final SlotClassifier classifier;
    private final PreferenceExtractor extractor;
    private final Lineage lineage;

    /** The workload's one shared extraction, built on first use. */
    public static SharedExtraction of(ApproachContext context) {
        return context.shared(SharedExtraction.class.getName(), SharedExtraction.class,
                () -> new SharedExtraction(context.bench(), context.workload()));
    }

    public SharedExtraction(Bench bench, Workload workload) {
        this.bench = bench;
        this.slots = workload.catalogue().map(SlotCatalogues::fromDimensions).orElse(SlotCatalogue.open());
        this.classifier = new SlotClassifier(bench.embedder(), slots, SlotClassifier.DEFAULT_MIN_SIMILARITY);
        PreferenceExtractor offline = new OfflinePreferenceExtractor(classifier);
        this.extractor = bench.config().memory().llmExtractor()
                ? new LlmPreferenceExtractor(bench.extractorChat(), classifier, offline)
                : offline;
        this.lineage = new Lineage(extractor, bench.embedder());
    }

    /** The workload's preference dimensions as slots; open when it has none (PrefEval, imports). */
    public SlotCatalogue slots() {
        return slots;
    }

    /** Files probes and statements under the slots. */
    public SlotClassifier slotClassifier() {
        return classifier;
    }

    /**
     * The offline extractor, or the run's LLM with the offline one as its fallback
     * ({@code memory.extractor=llm}).
     */
    public PreferenceExtractor extractor() {
        return extractor;
    }

    /** What the extractor reads in each turn and what a deletion request deletes, cached by text for every approach. */
    public Lineage lineage() {
        return lineage;
    }

    public Bench bench() {
        return bench;
    }
}
