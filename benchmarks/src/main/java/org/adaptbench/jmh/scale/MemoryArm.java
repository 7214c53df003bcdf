package org.adaptbench.jmh.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.jmh.finetune.BenchmarkFixtures;
import org.adaptbench.personalization.ContextResult;
import org.adaptbench.personalization.ManualClock;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.score.ScoredMemory;
import org.adaptbench.personalization.store.MemoryDraft;
import org.adaptbench.personalization.store.MemoryFilter;
import org.adaptbench.personalization.store.MemoryStore;
import org.adaptbench.personalization.store.SqliteMemoryStore;

/**
 * Memory at scale: N users' memories in one durable SQLite store on disk, through the store's and
 * {@link PersonalMemory}'s public API. Each request recalls and renders the user's memories (the
 * memory arm's context build, use recorded durably as the memory approach does), and each batch of
 * requests, whoever sent them, is one forward pass of the one base model with those memories as context.
 *
 * <p>The store is written on a RAM disk when there is one and then moved to disk: a million durable
 * single-memory transactions would take hours and measure the disk, not serving; what serving
 * reads is the file on disk.
 */
final class MemoryArm implements ScaleArm.Arm {

    /** Tokens a context section may add, as in the context-assembly benchmark. */
    static final int TOKEN_BUDGET = 256;
    /** Bytes per stored memory in a SQLite file, measured by {@code MemoryFootprint} (2,174) with headroom: the disk estimate. */
    private static final long FILE_BYTES_PER_MEMORY_ESTIMATE = 2_600;
    private static final Path RAM_DISK = Path.of("/dev/shm");
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public CellResult run(CellSpec spec, Templates templates) {
        ScaleOptions options = spec.options();
        Map<String, float[]> vectors = templates.vectorsByText();
        TableEmbedder embedder = new TableEmbedder(vectors, templates.dimension());
        long estimate = (long) Math.ceil(spec.users() * templates.memoriesPerUser() * FILE_BYTES_PER_MEMORY_ESTIMATE);
        DiskBudget budget = new DiskBudget(spec.work(), options.diskBudgetBytes());
        budget.checkEstimate("the memory store for " + spec.users() + " users", estimate);
        Path buildFolder = ramDisk(estimate).orElse(spec.work().resolve("build"));
        Path storeFile = spec.work().resolve("memory.db");
        try (ScoringModel model = BenchmarkFixtures.model()) {
            long residentBefore = MachineStats.residentBytes();
            long start = System.nanoTime();
            Path built = build(spec, templates, buildFolder, budget);
            move(built, storeFile);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            long diskBytes = storeBytes(storeFile);
            ManualClock clock = new ManualClock(NOW);
            try (PersonalMemory memory = PersonalMemory.builder().embedder(embedder).store(SqliteMemoryStore.open(storeFile, templates.dimension(), clock))
                    .clock(clock).build()) {
                prefill(memory.store(), spec, templates);
                RequestStream stream = new RequestStream(options.seed(), spec.users());
                serve(memory, model, templates, stream, vectors, options.warmup(), options.batchSize(), new LatencyRecorder());
                LatencyRecorder recorder = new LatencyRecorder();
                serve(memory, model, templates, stream, vectors, options.requests(), options.batchSize(), recorder);
                long resident = MachineStats.residentBytes();
                return new CellResult(spec.arm().approach(), spec.users(), recorder.result(),
                        new CellResult.Footprint(resident, resident - residentBefore, (double) diskBytes / spec.users(), buildSeconds), Double.NaN);
            }
        } finally {
            MachineStats.deleteTree(buildFolder);
        }
    }

    private static Path build(CellSpec spec, Templates templates, Path folder, DiskBudget budget) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
        Path file = folder.resolve("memory.db");
        try (SqliteMemoryStore store = SqliteMemoryStore.open(file, templates.dimension(), new ManualClock(NOW), 1)) {
            for (int user = 0; user < spec.users(); user++) {
                String id = CellSpec.userId(user);
                for (MemoryDraft draft : templates.user(user).memories()) {
                    store.add(id, draft);
                }
                if (user % 5_000 == 4_999) {
                    budget.checkUsed("the memory store", storeBytes(file));
                }
            }
        }
        return file;
    }

    /** Loads up to the store's cache bound of users into its search cache, as a long-running server would have them. */
    private static void prefill(MemoryStore store, CellSpec spec, Templates templates) {
        long bound = SqliteMemoryStore.DEFAULT_MAX_CACHED_MEMORIES;
        float[] probe = templates.user(0).requests().get(0).question();
        long held = 0;
        for (int user = 0; user < spec.users() && held + templates.user(user).memories().size() + 1 <= bound; user++) {
            store.search(CellSpec.userId(user), probe, 1, MemoryFilter.NONE);
            held += templates.user(user).memories().size() + 1;
        }
    }

    private static void serve(PersonalMemory memory, ScoringModel model, Templates templates, RequestStream stream,
            Map<String, float[]> vectors, int count, int batchSize, LatencyRecorder recorder) {
        for (int done = 0; done < count; done += batchSize) {
            int size = Math.min(batchSize, count - done);
            int[] users = new int[size];
            Templates.TemplateRequest[] requests = new Templates.TemplateRequest[size];
            for (int i = 0; i < size; i++) {
                users[i] = stream.nextUser();
                List<Templates.TemplateRequest> asked = templates.user(users[i]).requests();
                requests[i] = asked.get(stream.nextRequest(asked.size()));
            }
            long start = System.nanoTime();
            List<Prompt> prompts = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                ContextResult context = memory.buildContext(CellSpec.userId(users[i]), requests[i].recallText(), TOKEN_BUDGET);
                List<float[]> injected = new ArrayList<>();
                for (ScoredMemory hit : context.memories()) {
                    injected.add(vectors.get(hit.memory().text()));
                }
                prompts.add(new Prompt(requests[i].question(), injected, requests[i].options()));
            }
            model.score(prompts);
            recorder.batch(size, System.nanoTime() - start);
        }
    }

    private static java.util.Optional<Path> ramDisk(long estimate) {
        try {
            if (Files.isDirectory(RAM_DISK) && Files.getFileStore(RAM_DISK).getUsableSpace() > 2 * estimate) {
                return java.util.Optional.of(Files.createTempDirectory(RAM_DISK, "adaptbench-scale-"));
            }
        } catch (IOException e) {
            // no usable RAM disk: build on disk
        }
        return java.util.Optional.empty();
    }

    /** Moves the store file and whatever SQLite left beside it (a closed store normally leaves no WAL). */
    private static void move(Path built, Path target) {
        try {
            Files.createDirectories(target.getParent());
            for (String suffix : List.of("", "-wal", "-shm")) {
                Path part = built.resolveSibling(built.getFileName() + suffix);
                if (Files.exists(part)) {
                    Files.move(part, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the built store to " + target, e);
        }
    }

    private static long storeBytes(Path file) {
        long bytes = 0;
        for (String suffix : List.of("", "-wal", "-shm")) {
            Path part = file.resolveSibling(file.getFileName() + suffix);
            try {
                bytes += Files.exists(part) ? Files.size(part) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot measure " + part, e);
            }
        }
        return bytes;
    }
}
