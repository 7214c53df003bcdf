package org.adaptbench.harness.bench;

import java.util.List;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.personalization.embed.Embedder;

/** Fills the shared embedding cache in batches up front, so every distinct text is embedded once, fast. */
public final class Embeddings {

    /** Texts per batch: large enough for the ONNX runtime to amortise a call, small enough to show progress. */
    static final int BATCH = 64;

    private Embeddings() {
    }

    public static void warm(Embedder embedder, List<String> texts, Progress progress, String label) {
        int batches = (texts.size() + BATCH - 1) / BATCH;
        try (Progress.Task task = progress.start(label, batches)) {
            for (int from = 0; from < texts.size(); from += BATCH) {
                embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + BATCH)));
                task.advance();
            }
        }
    }
}
