package org.adaptbench.personalization.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM that embeds text leaves nothing in the temp directory: ONNX Runtime's extraction folder, which
 * every JVM used to leave empty behind (issue 15, item 15), is removed at exit.
 */
class NativeTempFilesTest {

    @Test
    void aJvmThatLoadedTheEmbeddingModelLeavesNoOnnxRuntimeFolder(@TempDir Path temp) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-Djava.io.tmpdir=" + temp, "-cp", System.getProperty("java.class.path"),
                Embed.class.getName()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child exits");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("onnxruntime-java"), "the child saw ONNX Runtime's folder while it ran: " + output);
        try (var left = Files.list(temp)) {
            List<String> names = left.map(path -> path.getFileName().toString()).toList();
            assertTrue(names.stream().noneMatch(name -> name.startsWith("onnxruntime-java")), "left behind: " + names);
        }
    }

    /** Embeds one text and prints the folder ONNX Runtime extracted into; exits normally. */
    public static final class Embed {

        public static void main(String[] args) {
            LangChain4jEmbedder embedder = LangChain4jEmbedder.allMiniLmL6V2();
            embedder.embed("a text to embed");
            System.out.println(NativeTempFiles.ortFolder().map(Path::toString).orElse("no folder named"));
        }
    }
}
