package org.adaptbench.harness.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.adaptbench.cli.AdaptBench;
import org.adaptbench.reports.results.EnvironmentNames;
import org.adaptbench.reports.results.Results;
import org.adaptbench.reports.results.ResultsIo;

/**
 * Same seed and machine, the same figures, at a suite's full size: {@code RepeatabilityTest} checks
 * this on a tiny configuration in {@code mvn verify}; this command checks it on a real suite, which
 * takes as long as the suite twice, so it is not a test.
 *
 * <pre>
 * mvn -B -q -DskipTests package     # refreshes benchmarks/target/lib with the modules' jars
 * export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OMP_DYNAMIC=FALSE MKL_DYNAMIC=FALSE MKL_CBWR=AUTO,STRICT   # as ./adaptbench does
 * CP="benchmarks/target/test-classes:benchmarks/target/classes:benchmarks/target/lib/*"
 * java -cp "$CP" org.adaptbench.harness.run.RepeatCheck twice OUT [suite=quick] [path=value ...]   # two runs in this JVM
 * java -cp "$CP" org.adaptbench.harness.run.RepeatCheck compare RUN_A RUN_B                       # two finished runs
 * </pre>
 *
 * {@code twice} runs {@code adaptbench run} into {@code OUT/first} and {@code OUT/second} in one JVM (the
 * second loads the base model the first trained or found) and compares them; {@code compare} compares two
 * runs made elsewhere, e.g. in two processes. The comparison covers every figure that does not measure
 * time — each metric's value, both interval ends, n and unit, every series point and distribution — and
 * the option every sample chose. It prints the differing figures grouped by unit and exits 1 if any
 * figure in a unit other than USD differs (projected dollars may be priced from a measured time).
 */
public final class RepeatCheck {

    private RepeatCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("twice")) {
            Path out = Path.of(args[1]);
            List<String> run = new ArrayList<>(List.of("run", "--suite", "quick"));
            for (int i = 2; i < args.length; i++) {
                if (args[i].startsWith("suite=")) {
                    run.set(2, args[i].substring("suite=".length()));
                } else {
                    run.add("--set");
                    run.add(args[i]);
                }
            }
            for (String name : List.of("first", "second")) {
                List<String> call = new ArrayList<>(run);
                call.add("--out");
                call.add(out.resolve(name).toString());
                long start = System.nanoTime();
                int code = AdaptBench.execute(call.toArray(String[]::new));
                System.out.printf(Locale.US, "repeat-check: run %s exited %d after %.0f s%n", name, code, (System.nanoTime() - start) / 1e9);
                if (code != 0) {
                    System.exit(code);
                }
            }
            System.exit(compare(out.resolve("first"), out.resolve("second")) ? 0 : 1);
        } else if (args.length == 3 && args[0].equals("compare")) {
            System.exit(compare(Path.of(args[1]), Path.of(args[2])) ? 0 : 1);
        }
        System.err.println("usage: RepeatCheck twice OUT [suite=NAME] [path=value ...] | RepeatCheck compare RUN_A RUN_B");
        System.exit(2);
    }

    /** Prints how two runs' figures and samples compare; true when they agree on everything but time and USD. */
    static boolean compare(Path a, Path b) {
        for (Path dir : List.of(a, b)) {
            if (!Files.isRegularFile(ResultsIo.resultsFile(dir))) {
                throw new IllegalArgumentException(dir + ": no " + ResultsIo.RESULTS_FILE);
            }
        }
        Results first = ResultsIo.read(a);
        Results second = ResultsIo.read(b);
        Map<String, String> figuresA = RunFigures.of(first);
        Map<String, String> figuresB = RunFigures.of(second);
        List<String> differ = RunFigures.differences(figuresA, figuresB);
        Map<String, List<String>> byUnit = new TreeMap<>();
        for (String line : differ) {
            String key = line.substring(0, line.indexOf(": "));
            String figure = figuresA.getOrDefault(key, figuresB.getOrDefault(key, ""));
            String unit = key.startsWith("series ") || key.startsWith("distribution ") ? key.substring(0, key.indexOf(' '))
                    : figure.substring(figure.lastIndexOf(' ') + 1);
            byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(line);
        }
        List<String> choicesA = RunFigures.choices(ResultsIo.readSamples(a));
        List<String> choicesB = RunFigures.choices(ResultsIo.readSamples(b));
        long sameChoices = 0;
        for (int i = 0; i < Math.min(choicesA.size(), choicesB.size()); i++) {
            sameChoices += choicesA.get(i).equals(choicesB.get(i)) ? 1 : 0;
        }
        System.out.printf(Locale.US, "repeat-check: %s vs %s%n", a, b);
        System.out.printf(Locale.US, "  commit %s vs %s; base model %s vs %s; CPU %s%n", first.gitSha(), second.gitSha(),
                first.environment().get(EnvironmentNames.BASE_MODEL_SHA256), second.environment().get(EnvironmentNames.BASE_MODEL_SHA256),
                first.environment().get(EnvironmentNames.CPU_MODEL));
        System.out.printf(Locale.US, "  %d figures that do not measure time, %d identical (value, interval, n); %s%n",
                figuresA.size(), figuresA.size() - differ.size(), claims(first, second));
        System.out.printf(Locale.US, "  samples: %d vs %d, %d with the same choice, correctness and tokens%n",
                choicesA.size(), choicesB.size(), sameChoices);
        byUnit.forEach((unit, lines) -> {
            System.out.printf(Locale.US, "  %d differ in %s, e.g.%n", lines.size(), unit);
            lines.stream().limit(5).forEach(line -> System.out.println("    " + line));
        });
        boolean samplesAgree = choicesA.equals(choicesB);
        boolean figuresAgree = byUnit.keySet().stream().allMatch(unit -> unit.equals("usd"));
        System.out.println("repeat-check: " + (figuresAgree && samplesAgree ? "IDENTICAL" : "DIFFERENT")
                + (byUnit.containsKey("usd") ? " (apart from projected USD, priced from measured times)" : ""));
        return figuresAgree && samplesAgree;
    }

    /** Whether the two runs' claims agree: wholly, in every verdict with evidence that differs (times), or which verdicts differ. */
    static String claims(Results first, Results second) {
        if (first.claims().equals(second.claims())) {
            return "claims identical";
        }
        Map<String, String> verdictsA = new java.util.TreeMap<>();
        Map<String, String> verdictsB = new java.util.TreeMap<>();
        first.claims().forEach(claim -> verdictsA.put(claim.id(), claim.verdict().toString()));
        second.claims().forEach(claim -> verdictsB.put(claim.id(), claim.verdict().toString()));
        if (verdictsA.equals(verdictsB)) {
            return "all " + verdictsA.size() + " verdicts identical, their evidence differs (it quotes times)";
        }
        List<String> differ = new ArrayList<>();
        new java.util.TreeSet<>(java.util.stream.Stream.concat(verdictsA.keySet().stream(), verdictsB.keySet().stream()).toList())
                .forEach(id -> {
                    if (!java.util.Objects.equals(verdictsA.get(id), verdictsB.get(id))) {
                        differ.add(id + " " + verdictsA.get(id) + " vs " + verdictsB.get(id));
                    }
                });
        return "verdicts differ: " + String.join(", ", differ);
    }
}
