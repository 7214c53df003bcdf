package org.adaptbench.finetune.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostProjectionTest {

    @TempDir
    Path dir;

    @Test
    void loraParameterCountsMatchHandComputedValuesForLlama31_8B() {
        ModelShape llama8b = CostAssumptions.defaults().model("Llama-3.1-8B");
        // q: 8 (4096 + 4096) = 65,536; v: 8 (4096 + 1024) = 40,960; per layer 106,496; 32 layers
        assertEquals(3_407_872L, llama8b.loraParameters(8, Set.of(Projection.Q, Projection.V)));
        // all seven projections at rank 16: q 131,072 + k 81,920 + v 81,920 + o 131,072 + 3 x 294,912 = 1,310,720 per layer
        assertEquals(41_943_040L, llama8b.loraParameters(16, EnumSet.allOf(Projection.class)));
        assertThrows(IllegalArgumentException.class, () -> llama8b.loraParameters(2048, Set.of(Projection.K)));
    }

    @Test
    void totalParametersMatchTheModelCards() {
        CostAssumptions assumptions = CostAssumptions.defaults();
        assertEquals(1.24e9, assumptions.model("Llama-3.2-1B").parameters(), 0.01e9);
        assertEquals(8.03e9, assumptions.model("Llama-3.1-8B").parameters(), 0.01e9);
        assertEquals(70.6e9, assumptions.model("Llama-3.1-70B").parameters(), 0.1e9);
    }

    @Test
    void everyNumberHasASourceAndTheProjectionIsConsistent() {
        CostAssumptions assumptions = CostAssumptions.defaults();
        assertTrue(assumptions.gpu().pricePerHour().source().startsWith("ASSUMPTION"));
        CostProjection projection = new CostProjection(assumptions);
        ModelCost cost = projection.project(assumptions.model("Llama-3.1-8B"));
        double tokens = 100 * 300 * 3;
        assertEquals(tokens, cost.trainingTokensPerUser());
        assertEquals(6.0 * assumptions.model("Llama-3.1-8B").forwardParameters() * tokens, cost.fullTrainingFlops(), 1);
        assertTrue(cost.loraTrainingFlops() < cost.fullTrainingFlops() && cost.loraTrainingFlops() > 0.6 * cost.fullTrainingFlops());
        assertEquals(cost.loraParameters() * 2.0, cost.adapterBytes());
        assertEquals(cost.gpuHoursPerTraining() * 2.99, cost.trainingCost(), 1e-12);
        assertTrue(cost.gpuHoursPerTraining() > 0.1, "the fixed overhead per run is included");
        CostPoint point = cost.at(100);
        assertEquals(cost.memoryFixedPerUserPerMonth() + 100 * cost.memoryPerRequest(), point.memory(), 1e-12);
        List<CostPoint> curve = cost.curve(1, 1e5, 11);
        assertEquals(11, curve.size());
        assertEquals(1e5, curve.get(10).requestsPerUserPerMonth(), 1e-6);
        assertEquals(3, projection.projectAll().size());
        // the break-even is where the two lines cross
        if (cost.userAdapterBreakEven() instanceof BreakEven.Above above) {
            CostPoint crossing = cost.at(above.requestsPerUserPerMonth());
            assertEquals(crossing.memory(), crossing.userAdapter(), 1e-9);
        }
    }

    @Test
    void breakEvenCoversEveryCase() {
        assertEquals(new BreakEven.Above(10), BreakEven.of(11, 0, 1, 1));
        assertEquals(new BreakEven.Never(), BreakEven.of(11, 1, 1, 1));
        assertEquals(new BreakEven.Always(), BreakEven.of(0, 0, 1, 1));
        assertEquals(new BreakEven.Below(5), BreakEven.of(0, 2, 5, 1));
        assertEquals("never", new BreakEven.Never().describe());
    }

    @Test
    void aBadAssumptionsFileNamesTheField() throws Exception {
        Path file = dir.resolve("costs.json");
        String text = new String(CostAssumptions.class.getResourceAsStream(CostAssumptions.RESOURCE).readAllBytes(), "UTF-8");
        String broken = text.replaceFirst("(\"price_per_hour\": \\{\\s*\"value\": )2.99", "$1\"cheap\"");
        assertTrue(!broken.equals(text), "the test plants its error");
        Files.writeString(file, broken);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> CostAssumptions.read(file));
        assertTrue(error.getMessage().contains("gpu.price_per_hour"), error.getMessage());
        Files.writeString(file, text);
        assertEquals(CostAssumptions.defaults(), CostAssumptions.read(file));
        Files.writeString(file, text.replaceFirst("(?<head>\"price_per_hour\": \\{\\s*\"value\": )2.99", "${head}1.00"));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> CostAssumptions.read(file));
        assertTrue(outside.getMessage().contains("outside its range"), outside.getMessage());
    }

    @Test
    void everyRangedAssumptionIsVariedAtBothEndsAndOnlyIt() {
        CostSensitivity sensitivity = CostSensitivity.defaults();
        var variations = sensitivity.variations(a -> a);
        assertTrue(variations.size() >= 30, "ranged assumptions at two ends each: " + variations.size());
        var price = variations.stream().filter(v -> v.assumption().equals("gpu.price_per_hour")).toList();
        assertEquals(2, price.size());
        assertEquals(2.49, price.get(0).assumptions().gpu().pricePerHour().value());
        assertEquals(5.00, price.get(1).assumptions().gpu().pricePerHour().value());
        assertEquals(sensitivity.base().workload(), price.get(1).assumptions().workload(), "the other assumptions stay");
        assertTrue(variations.stream().anyMatch(v -> v.assumption().equals("models.Llama-3.1-8B.input_price_per_million_tokens")));
        double base = new CostProjection(sensitivity.base()).projectAll().get(1).trainingCost();
        double cheap = new CostProjection(price.get(0).assumptions()).projectAll().get(1).trainingCost();
        assertTrue(cheap < base, "a cheaper GPU-hour makes training cheaper");
    }
}
