package org.adaptbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.adaptbench.harness.usage.UsageException;
import org.adaptbench.jmh.scale.ScaleBenchmark;
import org.adaptbench.jmh.scale.ScaleOptions;
import org.adaptbench.personalization.embed.CachingEmbedder;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.embed.HashingEmbedder;
import org.adaptbench.personalization.embed.LangChain4jEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code adaptbench scale}: one base model serving N users, memory against per-user adapters, at
 * growing N, with the growth projected to a million users. Not part of {@code mvn verify}; its
 * test runs a tiny configuration.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Serve N users from one base model with memory (the durable SQLite store) and with per-user adapters "
                + "(files on disk, an LRU cache of K resident, mixed batches); write scale.json, scale.md and charts.",
            "Disk use stays within the budget (10 GB) and the work folder is emptied after each cell."})
final class ScaleCommand implements Callable<Integer> {

    /** Embedders for the template users' histories and queries. */
    enum EmbedderChoice {
        /** all-MiniLM-L6-v2, as the harness embeds: for published figures. */
        MINILM(() -> new CachingEmbedder(LangChain4jEmbedder.allMiniLmL6V2())),
        /** A hashing embedder: seconds instead of minutes, for checking the command works. */
        HASHING(() -> new HashingEmbedder(384));

        private final Supplier<Embedder> factory;

        EmbedderChoice(Supplier<Embedder> factory) {
            this.factory = factory;
        }
    }

    @Option(names = "--users", split = ",", defaultValue = "1000,10000,100000", description = "The N to measure, increasing (default: ${DEFAULT-VALUE}).")
    List<Integer> users;

    @Option(names = "--cache", defaultValue = "1000", description = "K, adapters kept resident (default: ${DEFAULT-VALUE}).")
    int cache;

    @Option(names = "--batch", defaultValue = "32", description = "Requests per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--requests", defaultValue = "3200", description = "Requests measured per cell (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--warmup", defaultValue = "640", description = "Requests served before measuring (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--templates", defaultValue = "64", description = "Synthetic-world users whose memories and queries the N users reuse (default: ${DEFAULT-VALUE}).")
    int templates;

    @Option(names = "--seed", defaultValue = "17", description = "Seed of the world, the adapters and the request stream (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--embedder", defaultValue = "minilm", description = "minilm or hashing (default: ${DEFAULT-VALUE}).")
    String embedder;

    @Option(names = "--in-process", description = "Run every cell in this JVM (resident memory is then not each cell's own).")
    boolean inProcess;

    @Option(names = "--work", defaultValue = "runs/scale/work", description = "Folder for the cells' files, emptied after each (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--out", defaultValue = "runs/scale", description = "Folder for scale.json, scale.md and the charts (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        EmbedderChoice choice;
        try {
            choice = EmbedderChoice.valueOf(embedder.toUpperCase(Locale.US));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --embedder '" + embedder + "'; choose minilm or hashing");
        }
        ScaleOptions options;
        try {
            options = ScaleOptions.builder().users(users).cacheSize(cache).batchSize(batch).requests(requests).warmup(warmup)
                    .templates(templates).seed(seed).work(work)
                    .isolation(inProcess ? ScaleOptions.Isolation.IN_PROCESS : ScaleOptions.Isolation.FORKED).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String command = String.format(Locale.US, "./adaptbench scale --users %s --cache %d --batch %d --requests %d --warmup %d --templates %d --seed %d"
                + " --embedder %s%s", users.stream().map(String::valueOf).collect(Collectors.joining(",")), cache, batch, requests, warmup,
                templates, seed, choice.name().toLowerCase(Locale.US), inProcess ? " --in-process" : "");
        ScaleBenchmark.run(options, choice.factory.get(), out, command);
        System.out.println("scale results: " + out.resolve("scale.md"));
        return ExitCode.OK;
    }
}
