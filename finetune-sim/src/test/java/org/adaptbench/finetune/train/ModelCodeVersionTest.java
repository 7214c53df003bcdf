package org.adaptbench.finetune.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The base model's cache key carries {@link Pretraining#MODEL_CODE_VERSION}, so a checkpoint made by
 * old code is never loaded as if new code had trained it. This test fingerprints the code that
 * computes the base model (comments and whitespace left out) and fails when it changed but the version
 * was not bumped.
 */
class ModelCodeVersionTest {

    /** The code between a seed and the base model's weights, relative to {@code src/main/java/org/adaptbench/finetune}. */
    static final List<String> MODEL_CODE = List.of(
            "architecture/ModelConfig.java",
            "architecture/ModelLayer.java",
            "lora/AdapterBinding.java",
            "lora/LoraLinear.java",
            "lora/LowRankDelta.java",
            "model/LabelledExample.java",
            "model/Prompt.java",
            "model/PromptTensors.java",
            "model/ScoringModel.java",
            "model/Target.java",
            "runtime/TorchRuntime.java",
            "train/Batches.java",
            "train/ContextUse.java",
            "train/GradientTraining.java",
            "train/OptionLoss.java",
            "train/Pretraining.java",
            "train/TrainingConfig.java");

    /**
     * The fingerprint of {@link #MODEL_CODE} at each model-code version. When this test fails: if the
     * change can alter the weights a seed produces, bump {@link Pretraining#MODEL_CODE_VERSION} and add
     * its fingerprint here; if it cannot (a rename, a check, a message), replace the current version's.
     */
    static final Map<Integer, String> FINGERPRINTS = Map.of(
            2, "e60d6c39df1198db1de906751c4b85d1907fecfc79aa4ebb11c4d765b9bad45e",
            // the attention's scale a PyTorch-owned scalar (pre-training no longer depends on garbage collection); prompts staged through one buffer per thread (same values); a cache key from the inputs' digest (same weights);
            // gradients recorded and back-propagated per thread instead of through DJL's one-per-process collector (same
            // weights: the quick suite's base model trained afresh at 68e833f has the SHA-256 3d274c90… of 6a8673e's)
            3, "dc6da1e7635bbeeca05971e4eeb2cbb3bf98773a36b919cb62294baeb5a37134");

    @Test
    void theModelCodeVersionIsBumpedWhenTheModelCodeChanges() throws IOException {
        String fingerprint = fingerprint(Path.of("src/main/java/org/adaptbench/finetune"));
        assertEquals(FINGERPRINTS.get(Pretraining.MODEL_CODE_VERSION), fingerprint,
                "the code that computes the base model changed (" + String.join(", ", MODEL_CODE) + "): bump"
                        + " Pretraining.MODEL_CODE_VERSION if the change can alter the weights a seed produces, and record"
                        + " the fingerprint " + fingerprint + " for the version in ModelCodeVersionTest.FINGERPRINTS");
    }

    @Test
    void theFingerprintIgnoresCommentsAndLayoutButNotCode() {
        String code = "int a = 1; // one\n/* two */ String s = \"// not a comment\";";
        assertEquals(tokens(code), tokens("int a=1;\n\n  String s=\"// not a comment\";"));
        assertEquals("inta=1;Strings=\"// not a comment\";", tokens(code));
        org.junit.jupiter.api.Assertions.assertNotEquals(tokens(code), tokens("int a = 2; String s = \"// not a comment\";"));
    }

    static String fingerprint(Path root) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String file : MODEL_CODE) {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update(tokens(Files.readString(root.resolve(file), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Java source without comments and whitespace outside string and character literals. */
    static String tokens(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                int start = i++;
                while (i < source.length() && source.charAt(i) != c) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(i + 1, source.length());
                out.append(source, start, i);
            } else {
                if (!Character.isWhitespace(c)) {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }
}
