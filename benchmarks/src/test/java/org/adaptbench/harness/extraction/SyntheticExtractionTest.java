package org.adaptbench.harness.extraction;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.adaptbench.datasets.model.TurnKind;
import org.adaptbench.datasets.synthetic.DimensionCatalogue;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.datasets.synthetic.Wording;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;
import org.adaptbench.personalization.extract.PatternPreferenceExtractor;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotClassifier;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the memory layer's offline extraction on the synthetic world's ground truth.
 *
 * <p>Every turn of every user goes through {@link PersonalMemory#observe} with the
 * {@link PatternPreferenceExtractor} over {@link SlotCatalogues#fromDimensions}, exactly as the
 * harness's memory approach feeds it, and {@link ExtractionAudit} scores each turn against its label
 * and the memories left at the end against the preferences the labels leave active.
 *
 * <p><b>How the extractor was tuned (and why these figures are honest).</b> The world's wording is
 * split into a pre-training half and an evaluation half that share no sentence frame, option phrase,
 * feedback line, question or answer. The extractor's patterns, slot prototypes and thresholds were
 * written from generic English and tuned only on worlds in pre-training wording
 * ({@link SyntheticWorld#generate(SyntheticConfig, Wording)} with {@link Wording#PRETRAINING}, seeds
 * {@value #TUNING_SEED} and 102), whose misses {@link #tuningWorld} prints, and on hand-written
 * sentences in the personalization module's tests. The evaluation wording was never read to write a
 * pattern: for the evaluation world ({@link #evaluationWorld}, seed {@value #EVALUATION_SEED}) only
 * the aggregate table is ever printed, and it was looked at three times (before any change, and after
 * each of two rounds of changes made on the tuning side). The filler chat is the one text both halves
 * share, and it is all plain questions, so the false-signal rate on filler is neither held out nor a
 * hard test of precision; the personalization module's fixture holds the near misses.
 *
 * <p>The thresholds are the figures measured on the evaluation world minus a margin of a few points:
 * the test fails when extraction regresses. Reproduce the table with
 * {@code mvn -B -q -pl benchmarks -am verify -Dtest=SyntheticExtractionTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SyntheticExtractionTest {

    static final long TUNING_SEED = 101;
    static final long EVALUATION_SEED = 7;
    private static final int USERS = 40;
    private static final int EVENTS_PER_USER = 40;

    /** One MiniLM embedder for both worlds: each distinct text is embedded once per test JVM. */
    private static final CachingEmbedder EMBEDDER = new CachingEmbedder(LangChain4jEmbedder.allMiniLmL6V2());

    @Test
    void tuningWorld() {
        ExtractionAudit audit = audit(Wording.PRETRAINING, TUNING_SEED, 5);
        System.out.print(audit.table(title(Wording.PRETRAINING, TUNING_SEED)));
        for (Map.Entry<String, Integer> error : audit.errorCounts().entrySet()) {
            System.out.printf(Locale.US, "  %s: %d%n", error.getKey(), error.getValue());
            audit.errorExamples().get(error.getKey()).forEach(example -> System.out.println("      " + example));
        }
        // measured 1.000, 0.998, 0.983, 1.000, 1.000 (seed 101)
        atLeast(audit, "detection precision", audit.detectionPrecision(), 0.98);
        atLeast(audit, "detection recall", audit.detectionRecall(), 0.97);
        atLeast(audit, "slot accuracy", audit.slotAccuracy(), 0.95);
        atLeast(audit, "deletion precision", audit.deletionPrecision(), 0.95);
        atLeast(audit, "active preferences held", audit.activeRecall(), 0.95);
    }

    @Test
    void evaluationWorld() {
        ExtractionAudit audit = audit(Wording.EVALUATION, EVALUATION_SEED, 0);
        System.out.print(audit.table(title(Wording.EVALUATION, EVALUATION_SEED)));
        // each floor is the figure measured on this world (in the comment) minus a margin
        atLeast(audit, "detection precision", audit.detectionPrecision(), 0.97);              // 0.997
        atLeast(audit, "detection recall", audit.detectionRecall(), 0.80);                    // 0.843
        atLeast(audit, "statement recall", audit.recall(TurnKind.STATEMENT), 0.68);           // 0.735
        atLeast(audit, "change recall", audit.recall(TurnKind.CHANGE), 0.75);                 // 0.824
        atLeast(audit, "choice recall", audit.recall(TurnKind.IMPLICIT_CHOICE), 0.98);        // 1.000
        atLeast(audit, "feedback recall", audit.recall(TurnKind.IMPLICIT_FEEDBACK), 0.68);    // 0.734
        atLeast(audit, "slot accuracy", audit.slotAccuracy(), 0.95);                          // 0.987
        atLeast(audit, "option accuracy", audit.optionAccuracy(), 0.74);                      // 0.788
        atLeast(audit, "deletion precision", audit.deletionPrecision(), 0.85);                // 0.914
        atLeast(audit, "deletion recall", audit.deletionRecall(), 0.95);                      // 1.000
        atLeast(audit, "memories on active slots", audit.activePrecision(), 0.95);           // 0.995
        atLeast(audit, "active preferences held", audit.activeRecall(), 0.92);                // 0.959
        atLeast(audit, "held with the right option", audit.activeOptionAccuracy(), 0.83);     // 0.882
        assertTrue(audit.fillerFalseSignalRate() <= 0.01, audit::toString);                   // 0.000
    }

    private static void atLeast(ExtractionAudit audit, String metric, double measured, double floor) {
        assertTrue(measured >= floor, () -> String.format(Locale.US, "%s %.3f fell below %.2f%n%s", metric, measured, floor, audit));
    }

    private static ExtractionAudit audit(Wording wording, long seed, int errorsKept) {
        SyntheticConfig config = SyntheticConfig.defaults(seed).withUsers(USERS).withEventsPerUser(EVENTS_PER_USER);
        SyntheticWorld world = SyntheticWorld.generate(config, wording);
        DimensionCatalogue dimensions = world.catalogue();
        SlotCatalogue slots = SlotCatalogues.fromDimensions(dimensions);
        PatternPreferenceExtractor extractor = new PatternPreferenceExtractor(
                new SlotClassifier(EMBEDDER, slots, SlotClassifier.DEFAULT_MIN_SIMILARITY));
        return ExtractionAudit.run(world.dataset(), dimensions, EMBEDDER, extractor,
                (recording, clock) -> PersonalMemory.builder().embedder(EMBEDDER).slots(slots).extractor(recording).clock(clock).build(),
                errorsKept);
    }

    private static String title(Wording wording, long seed) {
        return String.format(Locale.US, "offline extraction, synthetic world in %s wording (seed %d, %d users x %d events)",
                wording.name().toLowerCase(Locale.US), seed, USERS, EVENTS_PER_USER);
    }
}
