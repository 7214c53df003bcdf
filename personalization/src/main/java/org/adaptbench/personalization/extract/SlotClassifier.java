package org.adaptbench.personalization.extract;

import java.util.ArrayList;
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

    /** The similarity floor {@link org.adaptbench.personalization.PersonalMemory} uses unless told otherwise. */
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
        if (catalogue.isOpen()) {
            return "";
        }
        return classify(embedder.embedFor(userId, text));
    }

    /** The best slot for an already embedded statement, or "". */
    public String classify(float[] vector) {
        String best = "";
        double bestSimilarity = minSimilarity;
        for (int i = 0; i < prototypeVectors.size(); i++) {
            double similarity = Vectors.dot(vector, prototypeVectors.get(i));
            if (similarity >= bestSimilarity) {
                bestSimilarity = similarity;
                best = prototypeSlots.get(i);
            }
        }
        return best;
    }
}
