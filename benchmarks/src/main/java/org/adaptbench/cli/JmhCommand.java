package org.adaptbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.adaptbench.harness.usage.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code adaptbench jmh}: the JMH micro-benchmarks of every module, in one JMH run.
 *
 * <p>All benchmark classes live under {@code org.adaptbench.jmh} in this module, so one generated
 * benchmark list covers them. A profile sets forks, iteration counts and times (overriding the
 * classes' annotations) and may narrow a sweep: {@code ci} fits in 5 minutes on 2 cores, with five
 * measured iterations so that {@code adaptbench compare} can test two runs' samples against each
 * other; {@code full} is for published figures.
 */
@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = {"Run the JMH benchmarks (retrieval, context assembly, embedding, base and LoRA forward, "
                + "mixed-adapter batch, adapter switch) and write JMH JSON.",
            "Extra arguments go to JMH, e.g. a benchmark regex or -p type=A,B."})
final class JmhCommand implements Callable<Integer> {

    @Option(names = "--profile", defaultValue = "ci", description = "ci (under 5 minutes on 2 cores) or full (about 40 minutes; default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--out", defaultValue = "runs/jmh", description = "Folder for the JMH JSON (default: ${DEFAULT-VALUE}).")
    Path out;

    @Parameters(paramLabel = "JMH_ARGS", arity = "0..*", description = "Extra arguments passed to JMH.")
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(profileArgs(profile));
        Files.createDirectories(out);
        Path json = out.resolve("jmh-" + profile + ".json");
        args.addAll(List.of("-rf", "json", "-rff", json.toString()));
        args.addAll(jmhArgs);
        if (jmhArgs.stream().noneMatch(arg -> !arg.startsWith("-"))) {
            args.add("org\\.adaptbench\\.jmh\\..*");
        }
        org.openjdk.jmh.runner.options.CommandLineOptions options;
        try {
            options = new org.openjdk.jmh.runner.options.CommandLineOptions(args.toArray(String[]::new));
        } catch (org.openjdk.jmh.runner.options.CommandLineOptionException e) {
            throw new UsageException("bad JMH arguments: " + e.getMessage());
        }
        try {
            new org.openjdk.jmh.runner.Runner(options).run();
        } catch (org.openjdk.jmh.runner.NoBenchmarksException e) {
            throw new UsageException("no JMH benchmark matches " + String.join(" ", jmhArgs));
        }
        System.out.println("JMH results: " + json);
        return ExitCode.OK;
    }

    /**
     * JMH arguments of a profile; extra arguments given after them win. The ci profile leaves the
     * merged-adapter forward out of {@code ForwardBenchmark}: it has no target, and the sweep is the
     * largest of the suite.
     */
    static List<String> profileArgs(String profile) {
        return switch (profile) {
            case "ci" -> List.of("-f", "1", "-wi", "3", "-w", "300ms", "-i", "5", "-r", "300ms", "-p", "variant=BASE,UNMERGED");
            case "full" -> List.of("-f", "2", "-wi", "5", "-w", "2s", "-i", "10", "-r", "2s");
            default -> throw new UsageException("unknown --profile '" + profile + "'; choose ci or full");
        };
    }
}
