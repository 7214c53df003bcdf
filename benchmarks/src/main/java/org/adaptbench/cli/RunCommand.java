package org.adaptbench.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code adaptbench run}: every approach on the same users, every scenario, one results directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a benchmark suite and write results.json, samples.jsonl and report/.")
final class RunCommand implements Runnable {

    @Option(names = "--suite", defaultValue = "quick", description = "smoke, quick or full (default: ${DEFAULT-VALUE}).")
    String suite;

    @Option(names = "--dataset", description = "synthetic, prefeval, or a PATH to a PrefEval-layout or generic JSONL folder.")
    String dataset;

    @Option(names = "--approaches", split = ",", description = "Subset of: none, full-context, memory, global-lora, variant-lora, user-lora, combined.")
    List<String> approaches;

    @Option(names = "--scenarios", split = ",", description = "Subset of: granularity, adaptation, cost, reversibility, context-length, combined, retrieval, latency, data-size.")
    List<String> scenarios;

    @Option(names = "--seed", description = "Master seed (overrides the suite's).")
    Long seed;

    @Option(names = "--out", description = "Results directory.")
    Path out;

    @Option(names = "--resume", description = "Continue an interrupted run in --out from its finished cells.")
    boolean resume;

    @Option(names = "--llm", description = "Answer with a real LLM: openai or ollama (adapter approaches become not applicable).")
    String llm;

    @Override
    public void run() {
        throw new NotBuiltYet("run");
    }
}
