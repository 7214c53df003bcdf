package org.adaptbench.personalization.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.embed.Vectors;

/**
 * Assigns a statement to the catalogue slot whose description or examples it is most similar to
 * (cosine of embeddings, best prototype per slot), or to no slot ("") when the best similarity is
 * below a floor or the catalogue is open. Thread-safe.
 */
public final class SlotClassifier {

    /** The similarity floor a memory's builder uses unless told otherwise. */
    public static final double DEFAULT_MIN_SIMILARITY = 0.3;

    private final Embedder embedder;
    private final SlotCatalogue catalogue;
    private final double minSimilarity;
    private final List<String> prototypeSlots = new ArrayList<>();
    private final List<float[]> prototypeVectors = new ArrayList<>();

    /**
     * @param minSimilarity below this, a statement fits no slot
     */
    public SlotClassifier(Embedder embedder, SlotCatalogue catalogue, double minSimilarity) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        if (!(minSimilarity >= -1.0 && minSimilarity <= 1.0)) {
            throw new IllegalArgumentException(String.format(Locale.US, "minSimilarity must be in [-1, 1], was %s", minSimilarity));
        }
        this.minSimilarity = minSimilarity;
        List<String> texts = new ArrayList<>();
        for (SlotDefinition slot : catalogue.slots()) {
            for (String prototype : slot.prototypes()) {
                prototypeSlots.add(slot.name());
                texts.add(prototype);
            }
        }
        // catalogue texts are the application's, not any user's: embedded without an owner
        if (!texts.isEmpty()) {
            prototypeVectors.addAll(embedder.embedAll(texts));
        }
    }

    public SlotCatalogue catalogue() {
        return catalogue;
    }

    /** The best slot for {@code text}, embedded on behalf of {@code userId}, or "". */
    public String classify(String userId, String text) {
        return fit(userId, text).slot();
    }

    /** The best slot for an already embedded statement, or "". */
    public String classify(float[] vector) {
        return fit(vector).slot();
    }

    /** The best slot for {@code text} with its similarity; no slot when the catalogue is open or nothing reaches the floor. */
    public SlotFit fit(String userId, String text) {
        if (catalogue.isOpen()) {
            return SlotFit.NONE;
        }
        return fit(embedder.embedFor(userId, text));
    }

    /** The best slot for an already embedded statement, with its similarity. */
    public SlotFit fit(float[] vector) {
        return fitTogether(List.of(vector));
    }

    /**
     * The slot that several texts fit best on average (each text scored by its nearest prototype of
     * the slot), such as the options offered in one choice: they differ along the slot in question
     * and share little else, so together they name it better than any one of them.
     */
    public SlotFit fitTogether(String userId, List<String> texts) {
        if (catalogue.isOpen() || texts.isEmpty()) {
            return SlotFit.NONE;
        }
        return fitTogether(embedder.embedAllFor(userId, texts));
    }

    private SlotFit fitTogether(List<float[]> vectors) {
        if (catalogue.isOpen()) {
            return SlotFit.NONE;
        }
        Map<String, Double> bestPerSlot = new LinkedHashMap<>();
        for (float[] vector : vectors) {
            Map<String, Double> best = new HashMap<>();
            for (int i = 0; i < prototypeVectors.size(); i++) {
                best.merge(prototypeSlots.get(i), Vectors.dot(vector, prototypeVectors.get(i)), Math::max);
            }
            best.forEach((slot, similarity) -> bestPerSlot.merge(slot, similarity / vectors.size(), Double::sum));
        }
        SlotFit found = SlotFit.NONE;
        double floor = minSimilarity;
        for (Map.Entry<String, Double> slot : bestPerSlot.entrySet()) {
            if (slot.getValue() >= floor) {
                floor = slot.getValue();
                found = new SlotFit(slot.getKey(), slot.getValue());
            }
        }
        return found;
    }

    /**
     * A slot and how similar the text was to its nearest prototype.
     *
     * @param slot the slot, "" for none
     * @param similarity cosine to the slot's prototypes, NaN when there is no slot
     */
    public record SlotFit(String slot, double similarity) {

        /** No slot fits. */
        public static final SlotFit NONE = new SlotFit("", Double.NaN);

        public SlotFit {
            Objects.requireNonNull(slot, "slot");
        }

        public boolean fits() {
            return !slot.isEmpty();
        }
    }
}
