package org.adaptbench.personalization.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The single-threaded session embeds exactly as LangChain4j's default one: the same floats, bit for
 * bit, for texts short and long (up to the model's 510-token windows, which are averaged), one at a
 * time and in batches, so every figure computed from embeddings is the same either way.
 */
class MiniLmModelTest {

    @Test
    void embeddingsAreBitForBitThoseOfTheDefaultSession() {
        List<String> texts = new ArrayList<>(List.of(
                "I prefer window seats on long flights.",
                "Forget what I said about spicy food.",
                "ok",
                "Could you recommend a quiet hotel near the station? I travel with two kids and a dog, and we arrive late.",
                "Ünïcödé, emoji 🙂 and numbers 1234.5 in one line",
                "I switched to oat milk last month; before that it was always whole milk in my coffee."));
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            longText.append("Sentence ").append(i).append(" talks about hiking boots, rain jackets and maps. ");
        }
        texts.add(longText.toString()); // over 510 tokens: several windows, weighted by their lengths
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();

        List<Embedding> expected = new AllMiniLmL6V2EmbeddingModel().embedAll(segments).content();
        MiniLmModel model = new MiniLmModel();
        List<Embedding> batch = model.embedAll(segments).content();
        assertEquals(MiniLmModel.DIMENSION, model.dimension());
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(expected.get(i).vector(), batch.get(i).vector(), "batch, text " + i);
            assertArrayEquals(expected.get(i).vector(), model.embed(texts.get(i)).content().vector(), "alone, text " + i);
        }
    }
}
