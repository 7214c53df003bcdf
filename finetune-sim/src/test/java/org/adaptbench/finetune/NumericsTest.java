package org.adaptbench.finetune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.UnmergeMode;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.finetune.runtime.Numerics;
import org.adaptbench.finetune.runtime.Platform;
import org.adaptbench.finetune.runtime.TorchRuntime;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.TrainingConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's numerics are pinned and stay pinned: the thread count is applied again before every
 * forward pass, training and merge (OpenMP and MKL keep it per thread, and any code may change it), and
 * the platform record says what is in force.
 */
class NumericsTest {

    /** A thread count other than the engine's: what some other code on this thread might have set. */
    private static int other() {
        return TorchRuntime.threads() == 1 ? 2 : 1;
    }

    @AfterEach
    void restore() {
        TorchRuntime.configureThread();
    }

    @Test
    void everyForwardPassRunsAtTheEngineThreadCountEvenAfterSomethingChangedIt() {
        ScoringModel model = TestModels.pretrained();
        List<LabelledExample> probes = TestModels.WORLD.userExamples(1, 4, 5);
        model.score(TestModels.prompts(probes));
        JniUtils.setNumThreads(other());
        model.score(TestModels.prompts(probes));
        assertEquals(TorchRuntime.threads(), JniUtils.getNumThreads(), "a forward pass after a change of thread count");
    }

    @Test
    void everyTrainingAndMergeRunsAtTheEngineThreadCount() {
        ScoringModel base = TestModels.pretrained();
        AdapterTrainingConfig config = AdapterTrainingConfig.defaults(3).withTraining(TrainingConfig.adapter(3).withEpochs(1));
        try (AdapterRegistry registry = new AdapterRegistry(base)) {
            JniUtils.setNumThreads(other());
            TestModels.train(registry, "u", TestModels.WORLD.userExamples(2, 16, 9), config);
            assertEquals(TorchRuntime.threads(), JniUtils.getNumThreads(), "training after a change of thread count");
            JniUtils.setNumThreads(other());
            registry.merge("u");
            assertEquals(TorchRuntime.threads(), JniUtils.getNumThreads(), "a merge after a change of thread count");
            registry.unmerge(UnmergeMode.RESTORE);
        }
    }

    @Test
    void aNewThreadComputesAtTheEngineThreadCount() throws InterruptedException {
        int[] seen = new int[1];
        Thread thread = new Thread(() -> {
            TorchRuntime.configureThread();
            seen[0] = JniUtils.getNumThreads();
        });
        thread.start();
        thread.join();
        assertEquals(TorchRuntime.threads(), seen[0]);
    }

    @Test
    void thePlatformRecordsTheNumericsInForce() {
        Platform platform = TorchRuntime.platform();
        Numerics numerics = platform.numerics();
        assertEquals(TorchRuntime.threads(), numerics.threads());
        assertEquals(Integer.toString(TorchRuntime.threads()), numerics.environment().get("OMP_NUM_THREADS"));
        assertEquals(Integer.toString(TorchRuntime.threads()), numerics.environment().get("MKL_NUM_THREADS"));
        assertEquals("FALSE", numerics.environment().get("MKL_DYNAMIC"));
        assertEquals(TorchRuntime.PINNED.stream().sorted().toList(), List.copyOf(numerics.environment().keySet()));
        assertFalse(numerics.atenCapability().isBlank());
        assertFalse(numerics.versions().get("pytorch").isBlank());
        assertTrue(platform.canonical().contains(numerics.atenCapability()), platform.canonical());
        if (platform.os().startsWith("Linux") && platform.os().endsWith("amd64")) {
            // where libtorch can be asked: ATen's own answer, and MKL in CNR mode, never OFF
            assertFalse(numerics.atenCapability().endsWith(Numerics.DERIVED), numerics.atenCapability());
            assertTrue(numerics.mklCbwr().startsWith(numerics.environment().get("MKL_CBWR").split(",")[0]), numerics.mklCbwr());
            assertTrue(numerics.versions().get("mkl").contains("Math Kernel Library"), numerics.versions().toString());
        }
    }
}
