package org.adaptbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.adaptbench.harness.usage.UsageException;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

/** The jmh command's profiles against the generated benchmark list (no benchmark is run here). */
class JmhCommandTest {

    private static List<BenchmarkListEntry> suite() {
        return new ArrayList<>(BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
                List.of("org\\.adaptbench\\.jmh\\..*"), List.of()));
    }

    @Test
    void theSuiteCoversEveryPromisedArea() {
        Set<String> areas = new TreeSet<>();
        for (BenchmarkListEntry entry : suite()) {
            String name = entry.getUsername().substring("org.adaptbench.jmh.".length());
            areas.add(name.substring(0, name.indexOf('.')));
        }
        assertEquals(Set.of("context", "embedding", "finetune", "memory"), areas);
    }

    @Test
    void everyProfileParsesAsJmhOptions() throws Exception {
        for (String profile : List.of("ci", "full")) {
            CommandLineOptions options = new CommandLineOptions(JmhCommand.profileArgs(profile).toArray(String[]::new));
            assertTrue(options.getForkCount().hasValue(), profile);
            assertTrue(options.getMeasurementIterations().get() >= 5, profile + ": fewer than 5 samples cannot show a regression");
        }
        assertThrows(UsageException.class, () -> JmhCommand.profileArgs("quick"));
    }

    /**
     * The ci profile must finish in 5 minutes on 2 cores. Its warmup and measurement time is fixed
     * by the profile, so it is checked here by arithmetic; forks and setups take the rest (about
     * 3 s per benchmark, more for the embedding model), measured in the README.
     */
    @Test
    void theCiProfileLeavesTimeForForksAndSetups() throws Exception {
        CommandLineOptions ci = new CommandLineOptions(JmhCommand.profileArgs("ci").toArray(String[]::new));
        double iterationSeconds = ci.getWarmupIterations().get() * ci.getWarmupTime().get().convertTo(TimeUnit.MILLISECONDS) / 1e3
                + ci.getMeasurementIterations().get() * ci.getMeasurementTime().get().convertTo(TimeUnit.MILLISECONDS) / 1e3;
        int runs = 0;
        double seconds = 0;
        for (BenchmarkListEntry entry : suite()) {
            int combinations = 1;
            for (Map.Entry<String, String[]> param : entry.getParams().orElse(Map.of()).entrySet()) {
                var narrowed = ci.getParameter(param.getKey());
                int values = narrowed.hasValue() ? narrowed.get().size() : valueCount(entry, param);
                combinations *= values;
            }
            runs += combinations;
            seconds += entry.getMode() == Mode.SingleShotTime ? 0 : combinations * iterationSeconds;
        }
        assertTrue(runs <= 40, "the ci profile runs " + runs + " benchmark forks; each costs seconds of JVM start and setup");
        assertTrue(seconds <= 100, "the ci profile spends " + seconds + " s in iterations alone");
    }

    @Test
    void theCiProfileNarrowsASweepToValuesItHas() throws Exception {
        CommandLineOptions ci = new CommandLineOptions(JmhCommand.profileArgs("ci").toArray(String[]::new));
        int narrowed = 0;
        for (BenchmarkListEntry entry : suite()) {
            for (Map.Entry<String, String[]> param : entry.getParams().orElse(Map.of()).entrySet()) {
                var values = ci.getParameter(param.getKey());
                if (values.hasValue()) {
                    narrowed++;
                    assertTrue(List.of(param.getValue()).containsAll(values.get()),
                            entry.getUsername() + ": " + values.get() + " is not within " + List.of(param.getValue()));
                }
            }
        }
        assertTrue(narrowed > 0, "the ci profile names no parameter of any benchmark");
    }

    /** Values of a parameter; an enum parameter declared without values sweeps every constant. */
    private static int valueCount(BenchmarkListEntry entry, Map.Entry<String, String[]> param) throws Exception {
        if (param.getValue().length > 0) {
            return param.getValue().length;
        }
        Class<?> type = Class.forName(entry.getUserClassQName()).getField(param.getKey()).getType();
        assertTrue(type.isEnum(), param.getKey() + " has no values and is not an enum");
        return type.getEnumConstants().length;
    }
}
