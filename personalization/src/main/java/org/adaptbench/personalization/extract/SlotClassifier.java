package org.adaptbench.personalization.extract;

import java.util.ArrayList;
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

    /** The embedder statements and prototypes are compared in. */
    public Embedder embedder() {
        return embedder;
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
     * The slot that several texts fit best together, such as the options offered in one choice: they
     * differ along the slot in question and share little else, so together they name it better than
     * any one of them. Each text is matched to a distinct prototype of the slot (greedily, the most
     * similar pair first; once prototypes run out, to its nearest), and the slot scores the mean of
     * those similarities: options that spread over a slot's values fit it better than options that
     * all sit near one value of another slot ("An explanation that assumes the basics" and "An
     * explanation from zero" are two levels of expertise, not two answer lengths).
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
        SlotFit found = SlotFit.NONE;
        double floor = minSimilarity;
        for (Map.Entry<String, List<Integer>> slot : prototypesBySlot().entrySet()) {
            double score = matched(vectors, slot.getValue());
            if (score >= floor) {
                floor = score;
                found = new SlotFit(slot.getKey(), score);
            }
        }
        return found;
    }

    /** Mean similarity of the texts to distinct prototypes among {@code prototypes}, matched greedily. */
    private double matched(List<float[]> vectors, List<Integer> prototypes) {
        double[][] similarity = new double[vectors.size()][prototypes.size()];
        for (int t = 0; t < vectors.size(); t++) {
            for (int p = 0; p < prototypes.size(); p++) {
                similarity[t][p] = Vectors.dot(vectors.get(t), prototypeVectors.get(prototypes.get(p)));
            }
        }
        boolean[] textDone = new boolean[vectors.size()];
        boolean[] prototypeUsed = new boolean[prototypes.size()];
        double total = 0;
        for (int round = 0; round < vectors.size(); round++) {
            boolean free = round < prototypes.size();
            int bestText = -1;
            int bestPrototype = -1;
            for (int t = 0; t < vectors.size(); t++) {
                for (int p = 0; p < prototypes.size() && !textDone[t]; p++) {
                    if ((!free || !prototypeUsed[p]) && (bestText < 0 || similarity[t][p] > similarity[bestText][bestPrototype])) {
                        bestText = t;
                        bestPrototype = p;
                    }
                }
            }
            textDone[bestText] = true;
            prototypeUsed[bestPrototype] = true;
            total += similarity[bestText][bestPrototype];
        }
        return total / vectors.size();
    }

    /** Indices of each slot's prototypes, in catalogue order. */
    private Map<String, List<Integer>> prototypesBySlot() {
        Map<String, List<Integer>> bySlot = new LinkedHashMap<>();
        for (int i = 0; i < prototypeSlots.size(); i++) {
            bySlot.computeIfAbsent(prototypeSlots.get(i), k -> new ArrayList<>()).add(i);
        }
        return bySlot;
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
