package org.adaptbench.harness.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.adaptbench.harness.usage.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every configuration value is checked when the configuration is bound, before anything runs: a value
 * of the wrong type or out of its range is refused, naming the path, the value and what is allowed.
 * The cases are the ones issue 15 found accepted silently or failing late (items 4 and 9).
 */
class ConfigRangeTest {

    /** One bad override: the path and value given to --set, and what the message must name. */
    record Case(String path, String value, String named) {
        @Override
        public String toString() {
            return path + "=" + value;
        }
    }

    static Stream<Case> badValues() {
        return Stream.of(
                // silently "all users", or 1 user while run.json said 1.5
                new Case("evaluation.users", "0", "evaluation.users = 0"),
                new Case("evaluation.users", "-5", "evaluation.users = -5"),
                new Case("evaluation.users", "1000000", "evaluation.users = 1000000"),
                new Case("evaluation.users", "1.5", "expected an integer"),
                new Case("evaluation.train_fraction", "1", "evaluation.train_fraction = 1"),
                new Case("evaluation.train_fraction", "-0.1", "evaluation.train_fraction = -0.1"),
                // nothing measured, exit 0
                new Case("approaches", "[]", "approaches = []"),
                new Case("datasets", "[]", "datasets = []"),
                new Case("scenarios", "[]", "scenarios = []"),
                new Case("approaches", "[\"\"]", "approaches[0]"),
                new Case("approaches", "[\"memory\",\"memory\"]", "approaches[1] = memory"),
                new Case("datasets", "[\"synthetic\",\"synthetic\"]", "datasets[1] = synthetic"),
                // the late failures of item 9
                new Case("synthetic.users", "0", "synthetic.users = 0"),
                new Case("synthetic.events_per_user", "0", "synthetic.events_per_user = 0"),
                new Case("synthetic.change_rate", "1.5", "synthetic.change_rate = 1.5"),
                new Case("synthetic.deletion_rate", "0.9", "synthetic.change_rate + synthetic.deletion_rate"),
                new Case("prefeval.items_per_topic", "-1", "prefeval.items_per_topic = -1"),
                new Case("prefeval.filler_turns", "[-1]", "prefeval.filler_turns[0] = -1"),
                new Case("prefeval.filler_turns", "[]", "prefeval.filler_turns = []"),
                new Case("prefeval.forms", "[\"implicit\"]", "prefeval.forms[0] = \"implicit\""),
                new Case("pretraining.epochs", "0", "pretraining.epochs = 0"),
                new Case("pretraining.batch_size", "0", "pretraining.batch_size = 0"),
                new Case("pretraining.learning_rate", "0", "pretraining.learning_rate = 0"),
                new Case("memory.top_k", "0", "memory.top_k = 0"),
                new Case("memory.token_budget", "-1", "memory.token_budget = -1"),
                new Case("memory.neighbour_weight", "-0.1", "memory.neighbour_weight = -0.1"),
                new Case("adapters.rank", "0", "adapters.rank = 0"),
                new Case("adapters.rank", "65", "adapters.rank = 65"),
                new Case("adapters.alpha", "-1", "adapters.alpha = -1"),
                new Case("adapters.epochs", "0", "adapters.epochs = 0"),
                new Case("adapters.learning_rate", "-0.01", "adapters.learning_rate = -0.01"),
                new Case("adapters.variants", "0", "adapters.variants = 0"),
                new Case("adapters.distillation_probes", "0", "adapters.distillation_probes = 0"),
                new Case("adapters.domain_users", "0", "adapters.domain_users = 0"),
                new Case("adapters.cadences", "[]", "adapters.cadences = []"),
                new Case("adapters.cadences", "[1]", "expected a JSON list of strings"),
                new Case("reversibility.gradient_ascent_steps", "0", "reversibility.gradient_ascent_steps = 0"),
                new Case("reversibility.probes_per_dimension", "0", "reversibility.probes_per_dimension = 0"),
                new Case("data_size.events", "[0]", "data_size.events[0] = 0"),
                new Case("retrieval.k", "[]", "retrieval.k = []"),
                new Case("retrieval.k", "[0,3]", "retrieval.k[0] = 0"),
                new Case("retrieval.k", "[3,3]", "retrieval.k[1] = 3"),
                new Case("bootstrap.resamples", "10", "bootstrap.resamples = 10"),
                // types
                new Case("seed", "1.5", "expected an integer"),
                new Case("memory.keep_stores", "yes", "expected true or false"),
                new Case("memory.store", "redis", "memory.store = \"redis\""),
                new Case("adapters.rank", "1e12", "expected an integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void badValuesAreRefusedNamingPathValueAndRange(Case bad) {
        UsageException refused = assertThrows(UsageException.class,
                () -> RunConfig.of(ConfigResolver.bundled().resolve("smoke", Map.of(bad.path(), bad.value()))), bad.toString());
        assertTrue(refused.getMessage().contains(bad.named()), refused.getMessage());
        assertTrue(refused.getMessage().contains("expected") || refused.getMessage().contains("allowed"), refused.getMessage());
    }

    @Test
    void everySuiteBindsAndTheEdgesOfEachRangeAreAccepted() {
        for (String suite : ConfigResolver.bundled().suiteNames()) {
            assertDoesNotThrow(() -> RunConfig.of(ConfigResolver.bundled().resolve(suite, Map.of())), suite);
        }
        Map<String, String> edges = Map.of("evaluation.users", "1", "evaluation.train_fraction", "0", "adapters.rank", "64",
                "memory.token_budget", "0", "bootstrap.resamples", "100", "synthetic.change_rate", "0.85", "retrieval.k", "[1]",
                "adapters.alpha", "0.5", "cache_dir", "null");
        RunConfig config = RunConfig.of(ConfigResolver.bundled().resolve("smoke", edges));
        assertTrue(config.cacheDir().equals("null"), "a text value is taken as written: " + config.cacheDir());
    }
}
