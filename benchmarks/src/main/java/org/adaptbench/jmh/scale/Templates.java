package org.adaptbench.jmh.scale;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.adaptbench.datasets.model.Query;
import org.adaptbench.datasets.model.Turn;
import org.adaptbench.datasets.model.UserData;
import org.adaptbench.datasets.synthetic.SyntheticConfig;
import org.adaptbench.datasets.synthetic.SyntheticWorld;
import org.adaptbench.harness.approach.memory.MemoryApproach;
import org.adaptbench.harness.extraction.MemoryTurns;
import org.adaptbench.harness.extraction.SlotCatalogues;
import org.adaptbench.personalization.PersonalMemory;
import org.adaptbench.personalization.embed.Embedder;
import org.adaptbench.personalization.store.Memory;
import org.adaptbench.personalization.store.MemoryDraft;
import org.adaptbench.personalization.store.MemoryKind;
import org.adaptbench.personalization.store.MemoryStore;
import org.adaptbench.reports.io.AtomicFiles;

/**
 * What each of N users holds and asks, taken from a few synthetic-world users played through the
 * real memory layer: their memories (text, vector, slot, kind, confidence, as the extractor filed
 * them) and their queries (the recall text and the prompt's vectors). User {@code i} of the scale
 * benchmark is template {@code i mod size()}, so sizes are the world's without extracting a million
 * histories.
 *
 * @param dimension length of every vector
 * @param users one entry per template user
 */
record Templates(int dimension, List<TemplateUser> users) {

    /** One template user: what the memory layer kept of their history, and the requests they make. */
    record TemplateUser(List<MemoryDraft> memories, List<TemplateRequest> requests) {

        TemplateUser {
            memories = List.copyOf(memories);
            requests = List.copyOf(requests);
            if (requests.isEmpty()) {
                throw new IllegalArgumentException("a template user needs at least one request");
            }
        }
    }

    /** One request: what memory recalls for, and the vectors the base model scores. */
    record TemplateRequest(String recallText, float[] question, List<float[]> options) {

        TemplateRequest {
            Objects.requireNonNull(recallText, "recallText");
            options = List.copyOf(options);
        }
    }

    Templates {
        users = List.copyOf(users);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("no template users");
        }
    }

    /**
     * {@code count} users of the seeded synthetic world, their full histories observed by a memory
     * layer over {@code embedder}; users the world gives no multiple-choice query are left out.
     */
    static Templates fromWorld(int count, long seed, Embedder embedder) {
        SyntheticWorld world = SyntheticWorld.generate(SyntheticConfig.defaults(seed).withUsers(count));
        List<TemplateUser> users = new ArrayList<>();
        try (PersonalMemory memory = PersonalMemory.builder().embedder(embedder)
                .slots(SlotCatalogues.fromDimensions(world.catalogue())).build()) {
            for (UserData user : world.dataset().users()) {
                for (Turn turn : user.history()) {
                    memory.observe(user.userId(), MemoryTurns.of(turn));
                }
                MemoryStore store = memory.store();
                List<MemoryDraft> drafts = new ArrayList<>();
                for (Memory kept : store.list(user.userId())) {
                    drafts.add(new MemoryDraft(kept.text(), store.vector(user.userId(), kept.id()).orElseThrow(), kept.slot(),
                            kept.kind(), kept.confidence()));
                }
                List<TemplateRequest> requests = new ArrayList<>();
                for (Query query : user.queries()) {
                    if (query.isMultipleChoice()) {
                        requests.add(new TemplateRequest(MemoryApproach.recallQuery(query), embedder.embed(query.question()),
                                embedder.embedAll(query.options())));
                    }
                }
                if (!requests.isEmpty()) {
                    users.add(new TemplateUser(drafts, requests));
                }
            }
        }
        return new Templates(embedder.dimension(), users);
    }

    TemplateUser user(int index) {
        return users.get(index % users.size());
    }

    double memoriesPerUser() {
        return users.stream().mapToInt(u -> u.memories().size()).average().orElse(0);
    }

    /** Every text the benchmark embeds (recall texts and memory texts) with its vector, for a table embedder. */
    Map<String, float[]> vectorsByText() {
        Map<String, float[]> vectors = new HashMap<>();
        for (TemplateUser user : users) {
            user.memories().forEach(m -> vectors.put(m.text(), m.vector()));
            user.requests().forEach(r -> vectors.putIfAbsent(r.recallText(), r.question()));
        }
        return vectors;
    }

    void write(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("dimension", dimension);
        ArrayNode all = root.putArray("users");
        for (TemplateUser user : users) {
            ObjectNode node = all.addObject();
            ArrayNode memories = node.putArray("memories");
            for (MemoryDraft m : user.memories()) {
                ObjectNode entry = memories.addObject();
                entry.put("text", m.text()).put("slot", m.slot()).put("kind", m.kind().name()).put("confidence", m.confidence());
                floats(entry.putArray("vector"), m.vector());
            }
            ArrayNode requests = node.putArray("requests");
            for (TemplateRequest r : user.requests()) {
                ObjectNode entry = requests.addObject();
                entry.put("recall", r.recallText());
                floats(entry.putArray("question"), r.question());
                ArrayNode options = entry.putArray("options");
                r.options().forEach(o -> floats(options.addArray(), o));
            }
        }
        try {
            AtomicFiles.write(file, mapper.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scale templates " + file, e);
        }
    }

    static Templates read(Path file) {
        try {
            // decimals as written: each float comes back exactly, not through a double
            JsonNode root = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(Files.readAllBytes(file));
            List<TemplateUser> users = new ArrayList<>();
            for (JsonNode node : root.get("users")) {
                List<MemoryDraft> memories = new ArrayList<>();
                for (JsonNode m : node.get("memories")) {
                    memories.add(new MemoryDraft(m.get("text").asText(), floats(m.get("vector")), m.get("slot").asText(),
                            MemoryKind.valueOf(m.get("kind").asText()), m.get("confidence").asDouble()));
                }
                List<TemplateRequest> requests = new ArrayList<>();
                for (JsonNode r : node.get("requests")) {
                    List<float[]> options = new ArrayList<>();
                    r.get("options").forEach(o -> options.add(floats(o)));
                    requests.add(new TemplateRequest(r.get("recall").asText(), floats(r.get("question")), options));
                }
                users.add(new TemplateUser(memories, requests));
            }
            return new Templates(root.get("dimension").asInt(), users);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scale templates " + file, e);
        }
    }

    private static void floats(ArrayNode array, float[] values) {
        for (float value : values) {
            array.add(value);
        }
    }

    private static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).decimalValue().floatValue();
        }
        return values;
    }
}
