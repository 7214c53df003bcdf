package org.adaptbench.harness.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.adaptbench.reports.results.ApproachNames;
import org.adaptbench.reports.results.ResultsIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tuning search on a tiny world: it runs, both sides get the same budget, trial 0 is the suite's values, the draws are seeded. */
class TuningSearchTest {

    @TempDir
    Path dir;

    private Map<String, String> tiny() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("cache_dir", dir.resolve("cache").toString());
        overrides.put("pretraining.examples", "400");
        overrides.put("pretraining.epochs", "2");
        overrides.put("evaluation.users", "3");
        // seconds, not minutes: no PrefEval topics in pre-training, per-user adapters retrained once a day
        overrides.put("prefeval.pretraining_topics", "[]");
        overrides.put("adapters.cadence", "nightly");
        return overrides;
    }

    @Test
    void aBudgetOfTwoRunsBothSidesAlikeAndWritesTheTable() throws Exception {
        TuningSearch.Settings settings = new TuningSearch.Settings(2, 6, 12, 3);
        TuningSearch search = new TuningSearch(ConfigResolver.bundled(), "smoke", tiny(), settings, new HashingEmbedder(384),
                Progress.silent());
        Path out = dir.resolve("out");
        TuningTable table = search.run(out);
        table.write(out, "./adaptbench tune --budget 2");

        assertEquals(Side.values().length, table.sides().size());
        for (TuningTable.SideResult side : table.sides()) {
            assertEquals(2, side.trials().size(), side.side().wireName() + " got the budget");
            for (Trial trial : side.trials()) {
                assertEquals(Set.copyOf(side.side().approaches()), trial.accuracy().keySet());
                trial.accuracy().values().forEach(accuracy -> assertEquals(3, accuracy.n(), "three validation users scored"));
            }
            assertNotEquals(side.trials().get(0).values(), side.trials().get(1).values(), "the draw is not the suite's values again");
        }
        assertTrue(table.ceiling().isPresent(), "the validation world has a majority-option ceiling");
        TuningTable.SideResult lora = table.sides().stream().filter(result -> result.side() == Side.LORA).findFirst().orElseThrow();
        assertEquals(Set.of(ApproachNames.GLOBAL_LORA, ApproachNames.VARIANT_LORA), lora.trials().get(1).trainingFit().keySet(),
                "the batch-trained adapters are checked on their own training choices");
        assertTrue(table.referenceFit().containsKey(ApproachNames.NONE), "and so is the untrained reference");
        lora.trials().forEach(trial -> trial.tokens().values().forEach(tokens -> assertEquals(0.0, tokens.doubleValue(), "adapters add no tokens")));
        JsonNode json = ResultsIo.mapper().readTree(Files.readString(out.resolve(TuningTable.JSON)));
        assertEquals(2, json.at("/sides/lora/trials").size());
        assertEquals(2, json.at("/sides/memory/trials").size());
        assertEquals(json.at("/sides/lora/trials_run").asInt(), json.at("/sides/memory/trials_run").asInt());
        assertEquals(4, json.at("/sides/lora/trials/0/values/adapters.rank").asInt(), "trial 0 runs the smoke suite's rank");
        assertTrue(json.at("/sides/memory/trials/0/tokens_per_request/" + ApproachNames.MEMORY).isNumber());
        assertTrue(json.at("/sides/lora/trials/1/accuracy/" + ApproachNames.GLOBAL_LORA + "/ci_high").isNumber());
        String markdown = Files.readString(out.resolve(TuningTable.MARKDOWN));
        assertTrue(markdown.contains("| 1 |") || markdown.contains("| 1 **best** |"), markdown);
        assertTrue(markdown.contains("majority-option ceiling"), markdown);
        assertThrows(UsageException.class, () -> search.run(out), "a second search never mixes into the first one's folder");
    }

    @Test
    void drawsAreSeededDistinctAndStartFromTheSuite() {
        ObjectNode base = ConfigResolver.bundled().resolve("quick", Map.of());
        for (Side side : Side.values()) {
            List<Map<Knob, String>> draws = TuningSearch.draws(side, base, 8, 7L);
            assertEquals(8, draws.size());
            assertEquals(draws, TuningSearch.draws(side, base, 8, 7L), "same seed, same trials");
            assertNotEquals(draws, TuningSearch.draws(side, base, 8, 8L), "another seed, other trials");
            side.knobs().forEach(knob -> assertEquals(TuningSearch.incumbent(base, knob), draws.get(0).get(knob)));
            Set<Map<Knob, String>> distinct = new HashSet<>(draws);
            assertEquals(8, distinct.size(), "no combination twice");
            draws.forEach(draw -> assertEquals(Set.copyOf(side.knobs()), draw.keySet()));
        }
    }

    @Test
    void aKnobSetByTheCallerIsTrialZerosValueOnly() {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("adapters.shared_epochs", "16");
        ObjectNode base = ConfigResolver.bundled().resolve("quick", overrides);
        List<Map<Knob, String>> draws = TuningSearch.draws(Side.LORA, base, 4, 7L);
        assertEquals("16", draws.get(0).get(Knob.SHARED_EPOCHS));
        draws.subList(1, 4).forEach(draw -> assertTrue(Knob.SHARED_EPOCHS.candidates().contains(draw.get(Knob.SHARED_EPOCHS))));
    }

    @Test
    void aBudgetLargerThanTheSpaceIsRefused() {
        ObjectNode base = ConfigResolver.bundled().resolve("quick", Map.of());
        int space = Side.MEMORY.knobs().stream().mapToInt(knob -> knob.candidates().size()).reduce(1, (a, b) -> a * b);
        UsageException refused = assertThrows(UsageException.class, () -> TuningSearch.draws(Side.MEMORY, base, space + 2, 1L));
        assertTrue(refused.getMessage().contains("distinct combinations"), refused.getMessage());
    }

    @Test
    void everyKnobIsANumberOfTheSuitesAndBracketsTheQuickSuitesValue() {
        ObjectNode quick = ConfigResolver.bundled().resolve("quick", Map.of());
        for (Knob knob : Knob.values()) {
            String value = TuningSearch.incumbent(quick, knob);
            assertTrue(knob.candidates().stream().anyMatch(candidate -> new java.math.BigDecimal(candidate)
                    .compareTo(new java.math.BigDecimal(value)) == 0), knob + ": the quick suite's " + value + " is among " + knob.candidates());
            assertTrue(knob.candidates().size() >= 3, knob + " has a range to search");
        }
        assertTrue(Side.LORA.knobs().size() > 0 && Side.MEMORY.knobs().size() > 0);
    }
}
