package org.adaptbench.personalization.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 from the model bundled in LangChain4j's jar, as {@link AllMiniLmL6V2EmbeddingModel}
 * runs it, but on an ONNX Runtime session with one intra-op thread that does not spin.
 *
 * <p>Why: the default session gives every call a pool of one thread per core whose idle threads
 * spin while waiting for work. A run computes several cells at once, each on its own core, and
 * LangChain4j already embeds a batch's texts on a thread each; the spinning threads then took CPU
 * from the other cells' training and search. One thread per call computes the same numbers (each
 * output of a matrix product is summed by one thread either way; {@code MiniLmModelTest} checks the
 * embeddings are bit for bit those of the default session).
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    static final int DIMENSION = 384;
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    /** The one encoder of the process (90 MB of weights), made on first use. */
    private static final class Holder {
        static final OnnxBertBiEncoder ENCODER = load();
    }

    MiniLmModel() {
        super(null); // LangChain4j's default: a pool of one thread per processor for a batch's texts
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return Holder.ENCODER;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    private static OnnxBertBiEncoder load() {
        // AllMiniLmL6V2EmbeddingModel.class names the jar without initialising the class (which would load a second copy)
        ClassLoader jar = AllMiniLmL6V2EmbeddingModel.class.getClassLoader();
        try (InputStream model = jar.getResourceAsStream(MODEL); InputStream tokenizer = jar.getResourceAsStream(TOKENIZER)) {
            if (model == null || tokenizer == null) {
                throw new IllegalStateException("the all-MiniLM-L6-v2 model or tokenizer is missing from the class path");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundled all-MiniLM-L6-v2 model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not open the bundled all-MiniLM-L6-v2 model", e);
        }
    }
}
