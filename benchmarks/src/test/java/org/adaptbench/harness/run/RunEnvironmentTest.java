package org.adaptbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.adaptbench.finetune.runtime.TorchRuntime;
import org.adaptbench.finetune.train.Pretraining;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.config.RunConfig;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.adaptbench.reports.results.EnvironmentNames;
import org.junit.jupiter.api.Test;

/** results.json names the machine, the numerics in force and the libraries its figures came from. */
class RunEnvironmentTest {

    @Test
    void namesTheMachineTheNumericsAndTheLibraryVersions() {
        RunConfig config = RunConfig.of(ConfigResolver.bundled().resolve("smoke", Map.of()));
        try (Bench bench = new Bench(config, new HashingEmbedder(16), Optional.empty(), Progress.silent())) {
            Map<String, String> environment = RunEnvironment.of(bench);
            var platform = TorchRuntime.platform();
            assertEquals(platform.cpu().model(), environment.get(EnvironmentNames.CPU_MODEL));
            assertEquals(String.join(" ", platform.cpu().isaFlags()), environment.get(EnvironmentNames.CPU_ISA_FLAGS));
            assertEquals(platform.numerics().atenCapability(), environment.get(EnvironmentNames.ATEN_CPU_CAPABILITY));
            assertTrue(environment.get(EnvironmentNames.MACHINE).contains(platform.cpu().model()), environment.get(EnvironmentNames.MACHINE));
            assertTrue(environment.get(EnvironmentNames.NUMERICS_ENVIRONMENT).contains("MKL_DYNAMIC=FALSE"),
                    environment.get(EnvironmentNames.NUMERICS_ENVIRONMENT));
            assertEquals(Integer.toString(Pretraining.MODEL_CODE_VERSION), environment.get(EnvironmentNames.MODEL_CODE_VERSION));
            assertTrue(environment.get(EnvironmentNames.BASE_MODEL_SHA256).startsWith("none"), "no base model was built");
            for (String library : List.of("djl", "pytorch", "mkl", "pytorch_jni", "langchain4j", "langchain4j_embeddings", "onnxruntime",
                    "sqlite_jdbc", "jtokkit", "jna", "jackson", "pytorch_native")) {
                String version = environment.get(EnvironmentNames.version(library));
                assertTrue(version != null && version.matches(".*\\d+\\.\\d+.*"), library + " version: " + version);
            }
            assertEquals("0.36.0", environment.get(EnvironmentNames.version("djl")));
            assertEquals("2.7.1", environment.get(EnvironmentNames.version("pytorch")));
            assertEquals("2.7.1-0.36.0", environment.get(EnvironmentNames.version("pytorch_jni")), "the artifact version, not the manifest's");
            assertFalse(environment.containsValue(null));
        }
    }
}
