package org.adaptbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.adaptbench.datasets.LoadOptions;
import org.adaptbench.datasets.inspect.DatasetInspector;
import org.adaptbench.datasets.model.Dataset;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.harness.usage.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adaptbench datasets generate|inspect|convert}. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description = "Generate the synthetic preference world, inspect any data set, or convert one to the JSONL layout.",
        subcommands = {DatasetsCommand.Generate.class, DatasetsCommand.Inspect.class, DatasetsCommand.Convert.class})
final class DatasetsCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write the seeded synthetic preference world as JSONL files plus manifest.json.")
    static final class Generate implements Runnable {

        @Spec
        CommandSpec spec;

        @Option(names = "--seed", required = true, description = "Random seed; the same seed gives identical bytes.")
        long seed;

        @Option(names = "--users", description = "Number of users (default: ${DEFAULT-VALUE}).", defaultValue = "200")
        int users;

        @Option(names = "--events-per-user", description = "History length in events (default: ${DEFAULT-VALUE}).", defaultValue = "50")
        int eventsPerUser;

        @Option(names = "--dimensions", description = "Preference dimensions in play, 1 to 6 (default: ${DEFAULT-VALUE}).", defaultValue = "6")
        int dimensions;

        @Option(names = "--queries-per-user", description = "End-of-history queries per user (default: ${DEFAULT-VALUE}, the world's own default).", defaultValue = "12")
        int queriesPerUser;

        @Option(names = "--out", required = true, description = "Output folder (created, or replaced if it holds only a data set).")
        Path out;

        @Override
        public void run() {
            SyntheticConfig config;
            try {
                config = SyntheticConfig.defaults(seed).withUsers(users).withEventsPerUser(eventsPerUser)
                        .withDimensions(dimensions).withQueriesPerUser(queriesPerUser);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            SyntheticWorld world = SyntheticWorld.generate(config);
            world.write(out);
            Dataset dataset = world.dataset();
            PrintWriter writer = spec.commandLine().getOut();
            writer.printf(Locale.US, "wrote %d users, %d turns, %d queries to %s%n",
                    dataset.users().size(), dataset.turnCount(), dataset.queryCount(), out);
            writer.printf(Locale.US, "majority ceiling %.4f, content hash %s%n", world.majorityCeiling(), dataset.contentHash());
            writer.flush();
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Print users, turns, queries, options and evidence counts of a data set folder.")
    static final class Inspect implements Runnable {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH",
                description = "A synthetic world, a folder in PrefEval's layout, or a generic JSONL folder "
                        + "(or the words prefeval, for the shared PrefEval folder, and synthetic, for a freshly generated default world).")
        String path;

        @Option(names = "--seed", description = "Seed for the word synthetic (default: ${DEFAULT-VALUE}).", defaultValue = "1")
        long seed;

        @Override
        public void run() {
            // the whole report is built before anything is printed, so a bad file prints nothing but the error
            String report = DatasetInspector.inspect(path, LoadOptions.defaults(seed));
            PrintWriter writer = spec.commandLine().getOut();
            writer.print(report);
            writer.flush();
        }
    }

    @Command(name = "convert", mixinStandardHelpOptions = true,
            description = "Write any data set (a LoCoMo file or folder, PrefEval, ...) in the generic JSONL layout, plus manifest.json.")
    static final class Convert implements Runnable {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "PATH", description = "What --dataset takes: a path, or the words locomo, prefeval or synthetic.")
        String path;

        @Option(names = "--out", required = true, description = "Output folder (created, or replaced if it holds only a data set).")
        Path out;

        @Option(names = "--seed", description = "Seed for PrefEval's option order and the word synthetic (default: ${DEFAULT-VALUE}).",
                defaultValue = "1")
        long seed;

        @Override
        public void run() {
            Dataset dataset = org.adaptbench.datasets.DatasetLoader.load(path, LoadOptions.defaults(seed));
            org.adaptbench.datasets.jsonl.JsonlDatasetWriter.write(dataset, out);
            PrintWriter writer = spec.commandLine().getOut();
            writer.printf(Locale.US, "wrote %d users, %d turns, %d queries to %s%n",
                    dataset.users().size(), dataset.turnCount(), dataset.queryCount(), out);
            dataset.notes().forEach(note -> writer.println("note: " + note));
            writer.flush();
        }
    }
}
