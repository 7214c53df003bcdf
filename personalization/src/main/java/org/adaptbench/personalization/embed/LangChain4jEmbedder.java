package org.adaptbench.personalization.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@link Embedder} over any langchain4j {@link EmbeddingModel}, calling it in batches.
 *
 * <p>The default, {@link #allMiniLmL6V2()}, runs all-MiniLM-L6-v2 in process from the model
 * bundled in its jar: offline, 384 dimensions.
 */
public final class LangChain4jEmbedder implements Embedder {

    /** Model id of {@link #allMiniLmL6V2()}. */
    public static final String ALL_MINILM_L6_V2 = "all-MiniLM-L6-v2";

    private final EmbeddingModel model;
    private final String modelId;
    private final int dimension;
    private final int batchSize;

    /**
     * @param model the langchain4j model
     * @param modelId stable id of the model and its settings
     * @param batchSize most texts sent to the model in one call
     */
    public LangChain4jEmbedder(EmbeddingModel model, String modelId, int batchSize) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        if (modelId.isBlank()) {
            throw new IllegalArgumentException("modelId is blank");
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, was " + batchSize);
        }
        this.batchSize = batchSize;
        this.dimension = model.dimension();
    }

    /** all-MiniLM-L6-v2 from the bundled ONNX model ({@link MiniLmModel}: one thread per call, no spinning), batches of 32. */
    public static LangChain4jEmbedder allMiniLmL6V2() {
        LangChain4jEmbedder embedder = new LangChain4jEmbedder(new MiniLmModel(), ALL_MINILM_L6_V2, 32);
        NativeTempFiles.cleanUpOnExit(); // ONNX Runtime is loaded now, and its temp folder named
        return embedder;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += batchSize) {
            List<TextSegment> batch = new ArrayList<>();
            for (String text : texts.subList(from, Math.min(texts.size(), from + batchSize))) {
                batch.add(TextSegment.from(checkText(text)));
            }
            List<Embedding> embeddings = model.embedAll(batch).content();
            for (Embedding embedding : embeddings) {
                vectors.add(Vectors.unitCopy(embedding.vector(), dimension, modelId + " output"));
            }
        }
        return vectors;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelId() {
        return modelId;
    }

    static String checkText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("text to embed is null");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException(String.format(Locale.US, "text to embed is blank (%d chars)", text.length()));
        }
        return text;
    }
}
