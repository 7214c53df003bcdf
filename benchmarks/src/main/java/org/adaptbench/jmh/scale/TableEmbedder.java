package org.adaptbench.jmh.scale;

import java.util.List;
import java.util.Map;
import org.adaptbench.personalization.embed.Embedder;

/**
 * The templates' vectors served by text: what a warm embedding cache gives. Both arms need the
 * prompt embedded and neither pays for it here, so the benchmark measures what differs (recall and
 * context build against adapter residency and mixed batches), not the sentence encoder.
 */
final class TableEmbedder implements Embedder {

    private final Map<String, float[]> vectors;
    private final int dimension;

    TableEmbedder(Map<String, float[]> vectors, int dimension) {
        this.vectors = Map.copyOf(vectors);
        this.dimension = dimension;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = vectors.get(text);
        if (vector == null) {
            throw new IllegalStateException("the scale benchmark has no vector for a text outside its templates: " + text);
        }
        return vector.clone();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return "scale-templates";
    }
}
