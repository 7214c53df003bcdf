package org.adaptbench.harness.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.workload.Workload;
import org.adaptbench.harness.workload.Workloads;
import org.adaptbench.reports.results.ResultsIo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data sets are named uniquely within a run (issue 15, item 3), and an imported data set feeds every
 * approach: users left out of the evaluation train the domain adapter and give the probes (item 8).
 */
class RunPlanTest {

    @TempDir
    Path dir;

    private static RunPlan plan(Map<String, String> overrides) {
        return RunPlan.of(ConfigResolver.bundled().resolve("smoke", overrides));
    }

    private static String list(Object... sources) {
        var array = ResultsIo.mapper().createArrayNode();
        for (Object source : sources) {
            array.add(source.toString());
        }
        return array.toString();
    }

    private Path world(String folder, long seed, int users) {
        Path path = dir.resolve(folder);
        SyntheticWorld.generate(SyntheticConfig.defaults(seed).withUsers(users).withEventsPerUser(24)).write(path);
        return path;
    }

    @Test
    void aGeneratedWorldBesideTheBuiltInOneGetsANameOfItsOwn() {
        Path world = world("W", 1, 12);
        RunPlan plan = plan(Map.of("datasets", list("synthetic", world)));
        List<String> names = plan.workloads().stream().map(Workload::name).toList();
        assertEquals(Workloads.SYNTHETIC, names.get(0));
        String renamed = names.get(1);
        assertTrue(renamed.matches("synthetic-[0-9a-f]{8}"), renamed);
        assertTrue(plan.notes().stream().anyMatch(note -> note.contains("is named '" + renamed + "'")
                && note.contains("'synthetic' is a built-in data set's")), plan.notes().toString());
        assertEquals(2, plan.identity().datasetHashes().size(), "each data set keeps its own hash: " + plan.identity().datasetHashes());
        // even alone, an imported world is never taken for the built-in one (scenarios that regenerate it go by that name)
        assertFalse(plan(Map.of("datasets", list(world))).workloads().get(0).name().equals(Workloads.SYNTHETIC));
    }

    @Test
    void twoFoldersOfTheSameNameAreTwoDataSets() throws Exception {
        Path a = world("a/data", 1, 8);
        Path b = world("b/data", 2, 8);
        Files.delete(a.resolve("manifest.json")); // named after the folder, "data", both of them
        Files.delete(b.resolve("manifest.json"));
        RunPlan plan = plan(Map.of("datasets", list(a, b)));
        Set<String> names = plan.workloads().stream().map(Workload::name).collect(Collectors.toSet());
        assertEquals(2, names.size(), names.toString());
        assertTrue(names.contains("data"), names.toString());
    }

    @Test
    void usersLeftOutOfTheEvaluationFeedTheDomainAdapterAndTheProbes() {
        Path world = world("W", 1, 12);
        Workload workload = plan(Map.of("datasets", list(world))).workloads().get(0);
        Set<String> evaluated = workload.evaluated().stream().map(UserData::userId).collect(Collectors.toSet());
        assertEquals(6, evaluated.size());
        assertEquals(6, workload.domainUsers().size());
        assertTrue(workload.domainUsers().stream().noneMatch(user -> evaluated.contains(user.userId())), "never an evaluated user");
        assertFalse(workload.probes().isEmpty());
        Set<String> heldOutItems = workload.domainUsers().stream().flatMap(user -> user.queries().stream())
                .map(query -> Workloads.probeKey(query.question(), query.options())).collect(Collectors.toSet());
        workload.probes().forEach(probe -> assertTrue(heldOutItems.contains(Workloads.probeKey(probe.question(), probe.options())),
                "a probe comes from a held-out user's query: " + probe.question()));
        // every user evaluated: nothing is held out, and the plan says nothing false about it
        Workload all = plan(Map.of("datasets", list(world), "evaluation.users", "12")).workloads().get(0);
        assertTrue(all.domainUsers().isEmpty() && all.probes().isEmpty());
        RunPlan more = plan(Map.of("datasets", list(world), "evaluation.users", "40"));
        assertTrue(more.notes().stream().anyMatch(note -> note.contains("evaluation.users is 40") && note.contains("all 12 are")),
                more.notes().toString());
    }

}
