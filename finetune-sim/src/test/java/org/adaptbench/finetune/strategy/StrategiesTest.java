package org.adaptbench.finetune.strategy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adaptbench.finetune.TestModels;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.architecture.ModelLayer;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.lora.LoraConfig;
import org.adaptbench.finetune.model.LabelledExample;
import org.adaptbench.finetune.train.AdapterTrainingConfig;
import org.adaptbench.finetune.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    private static final AdapterTrainingConfig CONFIG =
            new AdapterTrainingConfig(new LoraConfig(2, 4, LoraConfig.HIDDEN_AND_ATTENTION), TrainingConfig.adapter(9).withEpochs(4));

    /** Four users: two prefer value 1, two prefer value 3; one more has no data. */
    private static List<UserData> users() {
        List<UserData> users = new ArrayList<>();
        int[] preferences = {1, 1, 3, 3};
        for (int u = 0; u < preferences.length; u++) {
            int p = preferences[u];
            users.add(new UserData("user " + u, PreferenceProfile.vector(p == 1 ? 1 : 0, p == 3 ? 1 : 0.05 * u),
                    TestModels.WORLD.userExamples(p, 16, 100 + u)));
        }
        users.add(new UserData("silent", PreferenceProfile.vector(0.5, 0.5), List.of()));
        return users;
    }

    @Test
    void adapterNamesAreValidAndDistinctForAnyId() {
        assertEquals("user-u00017", AdapterNames.user("u00017"));
        assertEquals("variant-vegan", AdapterNames.variant("vegan"));
        String spaced = AdapterNames.user("user 0");
        assertTrue(spaced.matches("user-user_0-[0-9a-f]{8}"), spaced);
        // ids that clean to the same characters keep apart by the hash of the original id
        assertNotEquals(AdapterNames.user("a b"), AdapterNames.user("a/b"));
        assertNotEquals(AdapterNames.user("a_b"), AdapterNames.user("a b"));
        for (String id : List.of("x".repeat(300), "ünïcödé", "tab\there", "a".repeat(150), "a".repeat(151))) {
            String name = AdapterNames.user(id);
            assertEquals(name, LoraAdapter.checkName(name));
        }
    }

    @Test
    void perVariantClustersProfilesAndGroupsKeys() {
        try (AdapterRegistry registry = new AdapterRegistry(TestModels.pretrained())) {
            StrategyResult clustered = StrategyKind.PER_VARIANT.create(CONFIG, 2).fit(registry, users());
            assertEquals(2, clustered.adapters());
            assertEquals(clustered.adapterFor("user 0"), clustered.adapterFor("user 1"));
            assertEquals(clustered.adapterFor("user 2"), clustered.adapterFor("user 3"));
            assertTrue(!clustered.adapterFor("user 0").equals(clustered.adapterFor("user 2")));
            List<UserData> keyed = users().stream().filter(user -> !user.examples().isEmpty())
                    .map(user -> new UserData(user.userId(), PreferenceProfile.key(user.userId().endsWith("0") ? "vegan" : "other"), user.examples()))
                    .toList();
            StrategyResult grouped = StrategyKind.PER_VARIANT.create(CONFIG, 1).fit(registry, keyed);
            assertEquals(Optional.of("variant-vegan"), grouped.adapterFor("user 0"));
            assertEquals(Optional.of("variant-other"), grouped.adapterFor("user 3"));
            List<UserData> mixed = new ArrayList<>(keyed);
            mixed.add(users().get(0));
            assertThrows(IllegalArgumentException.class, () -> StrategyKind.PER_VARIANT.create(CONFIG, 2).fit(registry, mixed));
        }
    }

    @Test
    void globalAndDomainAdaptersServeEveryone() {
        try (AdapterRegistry registry = new AdapterRegistry(TestModels.pretrained())) {
            StrategyResult global = StrategyKind.GLOBAL.create(CONFIG, 0).fit(registry, users());
            assertEquals(Optional.of("global"), global.adapterFor("silent"));
            assertEquals(4 * 16, global.totalExamples());
            // fitting again replaces the adapter instead of failing
            StrategyKind.GLOBAL.create(CONFIG, 0).fit(registry, users());
            assertEquals(Set.of("global"), registry.names());
            assertEquals(Set.of(ModelLayer.HIDDEN_1, ModelLayer.HIDDEN_2), registry.adapter("global").config().targets());
            List<UserData> withContext = new ArrayList<>();
            List<LabelledExample> examples = TestModels.pretrainingExamples().subList(0, 32);
            withContext.add(new UserData("a", PreferenceProfile.key("k"), examples));
            StrategyResult domain = StrategyKind.DOMAIN_WITH_CONTEXT.create(CONFIG, 0).fit(registry, withContext);
            assertEquals(Optional.of("domain"), domain.adapterFor("a"));
            // trained with context, the domain adapter keeps its attention layers
            assertEquals(LoraConfig.HIDDEN_AND_ATTENTION, registry.adapter("domain").config().targets());
            assertThrows(IllegalArgumentException.class,
                    () -> StrategyKind.GLOBAL.create(CONFIG, 0).fit(registry, List.of(new UserData("x", PreferenceProfile.key("k"), List.of()))));
        }
    }

    @Test
    void kMeansIsSeededAndFindsSeparatedGroups() {
        List<double[]> points = List.of(new double[] {0, 0}, new double[] {0.1, 0}, new double[] {5, 5}, new double[] {5.1, 5}, new double[] {0, 0.1});
        int[] first = KMeans.cluster(points, 2, 3);
        assertArrayEquals(first, KMeans.cluster(points, 2, 3));
        assertArrayEquals(new int[] {0, 0, 1, 1, 0}, first);
        assertEquals(1, KMeans.cluster(points.subList(0, 1), 4, 1).length);
        assertThrows(IllegalArgumentException.class, () -> KMeans.cluster(List.of(new double[] {1}, new double[] {1, 2}), 2, 1));
        assertEquals(Map.of(), new VariantAdapterStrategy(CONFIG, 2).variantsOf(List.of()));
    }
}
