package org.adaptbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adaptbench compare}: the CI regression gate. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two results directories (or two JMH JSON files); exit 3 on a regression.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BASELINE")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CURRENT")
    Path current;

    @Option(names = "--threshold", defaultValue = "5", description = "Relative change in percent below which nothing is a regression (default: ${DEFAULT-VALUE}).")
    double thresholdPercent;

    @Override
    public Integer call() {
        throw new NotBuiltYet("compare");
    }
}
