package org.adaptbench.jmh.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.adaptbench.finetune.adapter.AdapterFile;
import org.adaptbench.finetune.adapter.AdapterRegistry;
import org.adaptbench.finetune.adapter.ScoringRequest;
import org.adaptbench.finetune.lora.LoraAdapter;
import org.adaptbench.finetune.model.Prompt;
import org.adaptbench.finetune.model.ScoringModel;
import org.adaptbench.jmh.finetune.BenchmarkFixtures;

/**
 * Per-user adapters at scale: one adapter file per user on disk (rank 8 on the MLP layers, as
 * per-user adapters are trained), an LRU cache of K adapters attached to the registry, and one
 * mixed-adapter forward pass per batch. A request whose adapter is not resident loads it from its
 * file (and evicts the least recently used adapter no request of the batch needs) before the batch
 * runs, so its latency includes the load.
 *
 * <p>Adapter values do not change what serving costs, so N files are copies of a few seeded random
 * adapters, each file under its user's name; the registry renames an adapter as it loads it.
 */
final class AdapterArm implements ScaleArm.Arm {

    private static final int TEMPLATE_ADAPTERS = 16;

    @Override
    public CellResult run(CellSpec spec, Templates templates) {
        ScaleOptions options = spec.options();
        Path folder = spec.work().resolve("adapters");
        try (ScoringModel model = BenchmarkFixtures.model(); AdapterRegistry registry = new AdapterRegistry(model)) {
            long residentBefore = MachineStats.residentBytes();
            long start = System.nanoTime();
            long diskBytes = build(spec, model, folder);
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            Cache cache = new Cache(registry, folder, options.cacheSize());
            for (int user = 0; user < Math.min(spec.users(), options.cacheSize()); user++) {
                cache.require(CellSpec.userId(user), Set.of());
            }
            RequestStream stream = new RequestStream(options.seed(), spec.users());
            serve(cache, registry, templates, stream, options.warmup(), options.batchSize(), new LatencyRecorder());
            cache.resetCounts();
            LatencyRecorder recorder = new LatencyRecorder();
            serve(cache, registry, templates, stream, options.requests(), options.batchSize(), recorder);
            long resident = MachineStats.residentBytes();
            return new CellResult(spec.arm().approach(), spec.users(), recorder.result(),
                    new CellResult.Footprint(resident, resident - residentBefore, (double) diskBytes / spec.users(), buildSeconds), cache.hitRate());
        }
    }

    /** Writes the template adapters, then one copy per user; returns the bytes of the users' files. */
    private static long build(CellSpec spec, ScoringModel model, Path folder) {
        try {
            Files.createDirectories(folder);
            List<Path> sources = new ArrayList<>();
            for (int t = 0; t < Math.min(TEMPLATE_ADAPTERS, spec.users()); t++) {
                LoraAdapter adapter = BenchmarkFixtures.adapter("template-" + t, BenchmarkFixtures.perUserConfig(), model.identity(),
                        spec.options().seed() * 7919 + t);
                Path file = folder.resolve("template-" + t + ".lora");
                AdapterFile.write(adapter, file);
                sources.add(file);
            }
            long fileBytes = Files.size(sources.get(0));
            DiskBudget budget = new DiskBudget(spec.work(), spec.options().diskBudgetBytes());
            budget.checkEstimate("adapter files for " + spec.users() + " users", fileBytes * spec.users());
            long written = 0;
            for (int user = 0; user < spec.users(); user++) {
                Path source = sources.get(user % sources.size());
                Files.copy(source, fileOf(folder, CellSpec.userId(user)));
                written += Files.size(source);
                if (user % 5_000 == 4_999) {
                    budget.checkUsed("the adapter files", written);
                }
            }
            for (Path source : sources) {
                Files.delete(source);
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write adapter files under " + folder, e);
        }
    }

    private static void serve(Cache cache, AdapterRegistry registry, Templates templates, RequestStream stream, int count, int batchSize,
            LatencyRecorder recorder) {
        for (int done = 0; done < count; done += batchSize) {
            int size = Math.min(batchSize, count - done);
            String[] users = new String[size];
            List<ScoringRequest> requests = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int user = stream.nextUser();
                users[i] = CellSpec.userId(user);
                List<Templates.TemplateRequest> asked = templates.user(user).requests();
                Templates.TemplateRequest request = asked.get(stream.nextRequest(asked.size()));
                requests.add(ScoringRequest.with(new Prompt(request.question(), List.of(), request.options()), users[i]));
            }
            long start = System.nanoTime();
            Set<String> batch = Set.of(java.util.Arrays.stream(users).distinct().toArray(String[]::new));
            for (String user : users) {
                cache.require(user, batch);
            }
            registry.score(requests);
            recorder.batch(size, System.nanoTime() - start);
        }
    }

    private static Path fileOf(Path folder, String userId) {
        return folder.resolve(userId + ".lora");
    }

    /** The K resident adapters, least recently used first; a miss loads the file and evicts one the batch does not need. */
    private static final class Cache {

        private final AdapterRegistry registry;
        private final Path folder;
        private final int capacity;
        private final LinkedHashMap<String, Boolean> resident = new LinkedHashMap<>(16, 0.75f, true);
        private long hits;
        private long lookups;

        Cache(AdapterRegistry registry, Path folder, int capacity) {
            this.registry = registry;
            this.folder = folder;
            this.capacity = capacity;
        }

        void require(String user, Set<String> batch) {
            lookups++;
            if (resident.get(user) != null) {
                hits++;
                return;
            }
            if (resident.size() >= capacity) {
                Iterator<String> eldest = resident.keySet().iterator();
                while (eldest.hasNext()) {
                    String candidate = eldest.next();
                    if (!batch.contains(candidate)) {
                        eldest.remove();
                        registry.delete(candidate);
                        break;
                    }
                }
            }
            registry.load(user, fileOf(folder, user));
            resident.put(user, Boolean.TRUE);
        }

        void resetCounts() {
            hits = 0;
            lookups = 0;
        }

        double hitRate() {
            return lookups == 0 ? Double.NaN : (double) hits / lookups;
        }
    }
}
