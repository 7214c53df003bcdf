package org.adaptbench.personalization.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.junit.jupiter.api.Test;

/** Slot fits with the word-hashing embedder, so that which words are shared decides every similarity. */
class SlotClassifierTest {

    private static final SlotCatalogue CATALOGUE = new SlotCatalogue(List.of(
            new SlotDefinition("seat", "seat on a plane", List.of("aisle seat", "window seat")),
            new SlotDefinition("drink", "hot drink", List.of("black coffee", "green tea"))));

    private final SlotClassifier classifier = new SlotClassifier(new HashingEmbedder(256), CATALOGUE, 0.2);

    @Test
    void aTextFitsTheSlotOfItsNearestPrototype() {
        SlotClassifier.SlotFit fit = classifier.fit("u", "window seat");
        assertEquals("seat", fit.slot());
        assertEquals(1.0, fit.similarity(), 1e-6);
        assertEquals("drink", classifier.classify("u", "tea"));
    }

    @Test
    void belowTheFloorOrWithOpenSlotsNothingFits() {
        assertFalse(classifier.fit("u", "tomorrow in Oslo").fits());
        assertEquals("", classifier.classify("u", "tomorrow in Oslo"));
        SlotClassifier open = new SlotClassifier(new HashingEmbedder(256), SlotCatalogue.open(), 0.2);
        assertEquals(SlotClassifier.SlotFit.NONE, open.fit("u", "window seat"));
        assertEquals(SlotClassifier.SlotFit.NONE, open.fitTogether("u", List.of("window seat", "aisle seat")));
    }

    @Test
    void textsTogetherFitTheSlotTheyShareOnAverage() {
        // "coffee seat" alone is a tie; with the other options the drink slot wins on average
        SlotClassifier.SlotFit together = classifier.fitTogether("u", List.of("black coffee", "green tea", "coffee seat"));
        assertEquals("drink", together.slot());
        assertTrue(together.similarity() < 1.0);
        assertEquals(SlotClassifier.SlotFit.NONE, classifier.fitTogether("u", List.of()));
    }
}
