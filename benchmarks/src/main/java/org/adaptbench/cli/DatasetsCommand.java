package org.adaptbench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adaptbench datasets generate|inspect}. */
@Command(
        name = "datasets",
        mixinStandardHelpOptions = true,
        description = "Generate the synthetic preference world, or inspect any data set.",
        subcommands = {DatasetsCommand.Generate.class, DatasetsCommand.Inspect.class})
final class DatasetsCommand {

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write the seeded synthetic preference world as JSONL files plus manifest.json.")
    static final class Generate implements Runnable {

        @Option(names = "--seed", required = true, description = "Random seed; the same seed gives identical bytes.")
        long seed;

        @Option(names = "--users", description = "Number of users (default: ${DEFAULT-VALUE}).", defaultValue = "200")
        int users;

        @Option(names = "--out", required = true, description = "Output folder.")
        Path out;

        @Override
        public void run() {
            throw new NotBuiltYet("datasets generate");
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Print users, turns, queries, options and evidence counts of a data set folder.")
    static final class Inspect implements Runnable {

        @Parameters(paramLabel = "PATH", description = "A synthetic world, a folder in PrefEval's layout, or a generic JSONL folder.")
        Path path;

        @Override
        public void run() {
            throw new NotBuiltYet("datasets inspect");
        }
    }
}
