package org.adaptbench.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adaptbench jmh}: the JMH micro-benchmarks of every module. */
@Command(name = "jmh", mixinStandardHelpOptions = true,
        description = "Run the JMH benchmarks (retrieval, context assembly, embedding, base and LoRA forward, mixed-adapter batch, adapter switch).")
final class JmhCommand implements Runnable {

    @Option(names = "--profile", defaultValue = "ci", description = "ci (about 5 minutes) or full (default: ${DEFAULT-VALUE}).")
    String profile;

    @Parameters(paramLabel = "JMH_ARGS", arity = "0..*", description = "Extra arguments passed to JMH.")
    List<String> jmhArgs;

    @Override
    public void run() {
        throw new NotBuiltYet("jmh");
    }
}
