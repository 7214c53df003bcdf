package org.adaptbench.harness.extraction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.synthetic.DimensionCatalogue;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.datasets.synthetic.WorldRole;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;
import org.adaptbench.personalization.extract.OfflinePreferenceExtractor;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotClassifier;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the memory layer's offline extraction on the synthetic world's ground truth.
 *
 * <p>Every turn of every user goes through {@link PersonalMemory#observe} with the
 * {@link OfflinePreferenceExtractor} over {@link SlotCatalogues#fromDimensions}, exactly as the
 * harness's memory approach feeds it, and {@link ExtractionAudit} scores each turn against its label
 * and the memories left at the end against the preferences the labels leave active.
 *
 * <p><b>What is asserted and what is only reported.</b> The extractor's intent model is trained on
 * hand-written, domain-general sentences only; its thresholds were chosen on the <em>validation</em>
 * world ({@link WorldRole#VALIDATION}: pre-training wording, users and questions of its own, seed
 * {@value #VALIDATION_SEED}), whose misses {@link #validationWorld} prints. Its floors are the figures
 * measured there after tuning minus a margin (in the comments), so the test fails when extraction
 * regresses on the wording it was tuned on. The <em>evaluation</em> world ({@link WorldRole#EVALUATION},
 * wording that shares no frame, phrase, feedback line, topic or filler with the pre-training half)
 * was never read while the extractor was built: {@link #evaluationWorld} prints its aggregate table
 * and asserts nothing of its figures, so nothing is tuned against them (docs/memory-layer.md has both
 * tables). Reproduce with
 * {@code mvn -B -q -pl benchmarks -am verify -Dtest=SyntheticExtractionTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SyntheticExtractionTest {

    static final long VALIDATION_SEED = 101;
    static final long EVALUATION_SEED = 7;
    private static final int USERS = 40;
    private static final int EVENTS_PER_USER = 40;

    /** One MiniLM embedder for both worlds: each distinct text is embedded once per test JVM. */
    private static final CachingEmbedder EMBEDDER = new CachingEmbedder(LangChain4jEmbedder.allMiniLmL6V2());

    @Test
    void validationWorld() {
        ExtractionAudit audit = audit(WorldRole.VALIDATION, VALIDATION_SEED, 5);
        System.out.print(audit.table(title(WorldRole.VALIDATION, VALIDATION_SEED)));
        for (Map.Entry<String, Integer> error : audit.errorCounts().entrySet()) {
            System.out.printf(Locale.US, "  %s: %d%n", error.getKey(), error.getValue());
            audit.errorExamples().get(error.getKey()).forEach(example -> System.out.println("      " + example));
        }
        // measured 0.998, 0.974, 0.958, 1.000, 0.938, 1.000 and 0.000 (seed 101); each floor is a few points lower
        atLeast(audit, "detection precision", audit.detectionPrecision(), 0.97);
        atLeast(audit, "detection recall", audit.detectionRecall(), 0.94);
        atLeast(audit, "slot accuracy", audit.slotAccuracy(), 0.93);
        atLeast(audit, "deletion precision", audit.deletionPrecision(), 0.95);
        atLeast(audit, "deletion recall", audit.deletionRecall(), 0.88);
        atLeast(audit, "active preferences held", audit.activeRecall(), 0.95);
        assertTrue(audit.fillerFalseSignalRate() <= 0.01, audit::toString);
    }

    /** Reported, never asserted against: the evaluation wording is what every approach is graded on. */
    @Test
    void evaluationWorld() {
        ExtractionAudit audit = audit(WorldRole.EVALUATION, EVALUATION_SEED, 0);
        System.out.print(audit.table(title(WorldRole.EVALUATION, EVALUATION_SEED)));
        // only that the audit ran over the world: each figure is a finite ratio of labelled turns
        assertTrue(audit.preferenceTurns() > 0 && Double.isFinite(audit.detectionRecall()), audit::toString);
    }

    private static void atLeast(ExtractionAudit audit, String metric, double measured, double floor) {
        assertTrue(measured >= floor, () -> String.format(Locale.US, "%s %.3f fell below %.2f%n%s", metric, measured, floor, audit));
    }

    private static ExtractionAudit audit(WorldRole role, long seed, int errorsKept) {
        SyntheticConfig config = SyntheticConfig.defaults(seed).toBuilder().users(USERS).eventsPerUser(EVENTS_PER_USER).role(role).build();
        SyntheticWorld world = SyntheticWorld.generate(config);
        DimensionCatalogue dimensions = world.catalogue();
        SlotCatalogue slots = SlotCatalogues.fromDimensions(dimensions);
        OfflinePreferenceExtractor extractor = new OfflinePreferenceExtractor(
                new SlotClassifier(EMBEDDER, slots, SlotClassifier.DEFAULT_MIN_SIMILARITY));
        return ExtractionAudit.run(world.dataset(), dimensions, EMBEDDER, extractor,
                (recording, clock) -> PersonalMemory.builder().embedder(EMBEDDER).slots(slots).extractor(recording).clock(clock).build(),
                errorsKept);
    }

    private static String title(WorldRole role, long seed) {
        return String.format(Locale.US, "offline extraction, synthetic %s world (seed %d, %d users x %d events)",
                role.name().toLowerCase(Locale.US), seed, USERS, EVENTS_PER_USER);
    }
}
