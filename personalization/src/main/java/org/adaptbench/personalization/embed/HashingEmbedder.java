package org.adaptbench.personalization.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic, model-free embedder: signed feature hashing of lower-cased word unigrams and
 * bigrams. Texts sharing words get similar vectors; paraphrases with no shared word do not.
 *
 * <p>For tests, smoke runs and machines where the ONNX model is unwanted; use
 * {@link LangChain4jEmbedder#allMiniLmL6V2()} when semantic similarity matters.
 */
public final class HashingEmbedder implements Embedder {

    private final int dimension;

    public HashingEmbedder(int dimension) {
        if (dimension < 2) {
            throw new IllegalArgumentException("dimension must be at least 2, was " + dimension);
        }
        this.dimension = dimension;
    }

    @Override
    public float[] embed(String text) {
        String[] words = LangChain4jEmbedder.checkText(text).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+");
        float[] vector = new float[dimension];
        String previous = null;
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            add(vector, word, 1f);
            if (previous != null) {
                add(vector, previous + ' ' + word, 0.5f);
            }
            previous = word;
        }
        // a text of separators only still gets a direction, so every text is embeddable
        add(vector, "\u0000bias", 0.01f);
        return Vectors.unitCopy(vector, dimension, "hashed vector");
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return "hashing-v1-" + dimension;
    }

    private void add(float[] vector, String feature, float weight) {
        int h = mix(feature.hashCode());
        int index = Math.floorMod(h, dimension);
        vector[index] += (h & 0x8000_0000) == 0 ? weight : -weight;
    }

    /** Murmur3's finaliser: String.hashCode is stable across JVMs but poorly spread over low bits. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85eb_ca6b;
        h ^= h >>> 13;
        h *= 0xc2b2_ae35;
        h ^= h >>> 16;
        return h;
    }
}
