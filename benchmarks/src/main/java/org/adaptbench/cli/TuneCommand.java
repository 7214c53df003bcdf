package org.adaptbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.adaptbench.harness.config.ConfigResolver;
import org.adaptbench.harness.progress.Progress;
import org.adaptbench.harness.tuning.TuningSearch;
import org.adaptbench.harness.tuning.TuningTable;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adaptbench tune}: the tuning protocol. The same seeded number of trials for the LoRA side and
 * the memory side, scored on the validation world (never the evaluation world); writes the search table.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Tune every side's knobs with the same seeded search budget on the validation world and write tuning.json and tuning.md.")
final class TuneCommand implements Callable<Integer> {

    @Option(names = "--suite", defaultValue = "quick", description = "The suite whose values are trial 0 (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--budget", required = true, description = "Trials per side, the suite's own values included (1..64).")
    int budget;

    @Option(names = "--seed", description = "Master seed (overrides the suite's): the validation world, the training and the draws.")
    Long seed;

    @Option(names = "--users", defaultValue = "60", description = "Users of the validation world (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--events", description = "Events per validation user (default: the suite's synthetic.events_per_user).")
    Integer events;

    @Option(names = "--evaluated", defaultValue = "30", description = "Validation users scored, 0 for all (default: ${DEFAULT-VALUE}).")
    int evaluated;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override any value of the suites file; a knob's value set here is trial 0's (the draws set their own).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--out", description = "Output directory (default: runs/tune-<time>).")
    Path out;

    /** The arguments as given, for the table's rerun line. */
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (seed != null) {
            overrides.put("seed", Long.toString(seed));
        }
        ConfigResolver resolver = ConfigResolver.bundled();
        int eventsPerUser = events != null ? events
                : org.adaptbench.harness.config.RunConfig.of(resolver.resolve(suite, overrides)).synthetic().eventsPerUser();
        TuningSearch.Settings searchSettings = new TuningSearch.Settings(budget, users, eventsPerUser, evaluated);
        Path dir = out != null ? out
                : Path.of("runs", "tune-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.US)));
        TuningSearch.checkOutput(dir);
        Progress progress = Progress.forEnvironment(System.err);
        TuningSearch search = new TuningSearch(resolver, suite, overrides, searchSettings, LangChain4jEmbedder.allMiniLmL6V2(), progress);
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TuningTable table = search.run(dir);
        table.write(dir, command());
        System.out.println("tuning: " + dir.resolve(TuningTable.MARKDOWN));
        return ExitCode.OK;
    }

    /** The command line that reruns this search. */
    private String command() {
        List<String> words = new ArrayList<>(List.of("./adaptbench"));
        words.addAll(spec.commandLine().getParseResult().originalArgs());
        return String.join(" ", words);
    }
}
