package org.adaptbench.finetune.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Every number of the cost projection, read from one JSON file with a source for each
 * ({@code cost-assumptions.json} in this module by default).
 *
 * @param asOf the date the prices were checked
 * @param models the model shapes to project to
 * @param lora adapter shape and storage
 * @param gpu the training and serving accelerator
 * @param storagePricePerGbMonth object storage price
 * @param embeddingPricePerMillionTokens embedding API price
 * @param workload per-user and per-request figures
 */
public record CostAssumptions(String asOf, List<ModelShape> models, Lora lora, Gpu gpu, Assumption storagePricePerGbMonth,
        Assumption embeddingPricePerMillionTokens, Workload workload) {

    public static final String RESOURCE = "/org/adaptbench/finetune/cost/cost-assumptions.json";

    public CostAssumptions {
        Objects.requireNonNull(asOf, "asOf");
        models = List.copyOf(models);
        Objects.requireNonNull(lora, "lora");
        Objects.requireNonNull(gpu, "gpu");
        Objects.requireNonNull(storagePricePerGbMonth, "storagePricePerGbMonth");
        Objects.requireNonNull(embeddingPricePerMillionTokens, "embeddingPricePerMillionTokens");
        Objects.requireNonNull(workload, "workload");
        if (models.isEmpty()) {
            throw new IllegalArgumentException("cost assumptions list no model");
        }
    }

    /** @param rank LoRA rank; @param targets projections adapted; @param bytesPerParameter adapter storage precision */
    public record Lora(Assumption rank, Set<Projection> targets, String targetsSource, Assumption bytesPerParameter) {
        public Lora {
            targets = Set.copyOf(targets);
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("LoRA targets are empty");
            }
            if (rank.value() < 1 || rank.value() != Math.rint(rank.value())) {
                throw new IllegalArgumentException("LoRA rank must be a positive integer, got " + rank.value());
            }
        }

        public int rankValue() {
            return (int) rank.value();
        }
    }

    public record Gpu(String name, Assumption peakFlops, Assumption memoryBytes, Assumption pricePerHour, Assumption trainingMfu,
            Assumption servingMfu) {
        public Gpu {
            for (Assumption fraction : List.of(trainingMfu, servingMfu)) {
                if (fraction.value() <= 0 || fraction.value() > 1) {
                    throw new IllegalArgumentException("MFU must be in (0, 1], got " + fraction.value());
                }
            }
            if (peakFlops.value() <= 0 || memoryBytes.value() <= 0) {
                throw new IllegalArgumentException("GPU peak FLOPs and memory must be positive");
            }
        }

        /** Dollars per FLOP at utilisation {@code mfu}. */
        public double dollarsPerFlop(double mfu) {
            return pricePerHour.value() / 3600 / (mfu * peakFlops.value());
        }
    }

    public record Workload(Assumption memoryTokensAddedPerRequest, Assumption memoryBytesPerUser,
            Assumption memoryTokensEmbeddedPerUserPerMonth, Assumption queryTokensEmbeddedPerRequest, Assumption requestTokens,
            Assumption trainingExamplesPerUser, Assumption tokensPerTrainingExample, Assumption trainingEpochs,
            Assumption trainingOverheadGpuHoursPerRun, Assumption retrainsPerUserPerMonth, Assumption usersPerVariant,
            Assumption adapterResidentFraction, Assumption requestsPerUserPerMonth) {
        public Workload {
            if (usersPerVariant.value() < 1) {
                throw new IllegalArgumentException("users per variant must be at least 1, got " + usersPerVariant.value());
            }
            if (adapterResidentFraction.value() > 1) {
                throw new IllegalArgumentException("adapter resident fraction must be at most 1, got " + adapterResidentFraction.value());
            }
        }

        /** The same workload with figures measured by the harness (with their intervals as ranges) in place of the assumed ones. */
        public Workload withMeasuredMemory(Assumption tokensAddedPerRequest, Assumption bytesPerUser) {
            return new Workload(tokensAddedPerRequest, bytesPerUser, memoryTokensEmbeddedPerUserPerMonth,
                    queryTokensEmbeddedPerRequest, requestTokens, trainingExamplesPerUser, tokensPerTrainingExample, trainingEpochs,
                    trainingOverheadGpuHoursPerRun, retrainsPerUserPerMonth, usersPerVariant, adapterResidentFraction,
                    requestsPerUserPerMonth);
        }
    }

    public CostAssumptions withWorkload(Workload newWorkload) {
        return new CostAssumptions(asOf, models, lora, gpu, storagePricePerGbMonth, embeddingPricePerMillionTokens, newWorkload);
    }

    public ModelShape model(String name) {
        return models.stream().filter(model -> model.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model named " + name + " in the cost assumptions"));
    }

    /** The assumptions bundled with this module. */
    public static CostAssumptions defaults() {
        return parse(defaultsTree(), RESOURCE);
    }

    /** The bundled assumptions as the JSON they are read from. */
    static JsonNode defaultsTree() {
        try (InputStream in = CostAssumptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads a file in the same format, failing with the file and field that is wrong. */
    public static CostAssumptions read(Path file) {
        return parse(readTree(file), file.toString());
    }

    static JsonNode readTree(Path file) {
        try {
            return new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read cost assumptions " + file + ": " + e.getMessage(), e);
        }
    }

    static CostAssumptions parse(JsonNode root, String source) {
        Fields f = new Fields(source);
        List<ModelShape> models = new ArrayList<>();
        JsonNode modelNodes = f.node(root, "models");
        for (int i = 0; i < modelNodes.size(); i++) {
            JsonNode m = modelNodes.get(i);
            String at = "models[" + i + "]";
            models.add(new ModelShape(f.text(m, "name", at), f.integer(m, "layers", at), f.integer(m, "hidden_size", at),
                    f.integer(m, "intermediate_size", at), f.integer(m, "attention_heads", at), f.integer(m, "kv_heads", at),
                    f.integer(m, "head_dim", at), f.integer(m, "vocab_size", at), f.bool(m, "tied_embeddings", at),
                    f.text(m, "shape_source", at), f.assumption(m, "input_price_per_million_tokens", at)));
        }
        JsonNode loraNode = f.node(root, "lora");
        Set<Projection> targets = EnumSet.noneOf(Projection.class);
        f.node(loraNode, "targets").forEach(target -> targets.add(Projection.fromId(target.asText())));
        Lora lora = new Lora(f.assumption(loraNode, "rank", "lora"), targets, f.text(loraNode, "targets_source", "lora"),
                f.assumption(loraNode, "bytes_per_parameter", "lora"));
        JsonNode g = f.node(root, "gpu");
        Gpu gpu = new Gpu(f.text(g, "name", "gpu"), f.assumption(g, "peak_flops", "gpu"), f.assumption(g, "memory_bytes", "gpu"),
                f.assumption(g, "price_per_hour", "gpu"), f.assumption(g, "training_mfu", "gpu"), f.assumption(g, "serving_mfu", "gpu"));
        JsonNode w = f.node(root, "workload");
        Workload workload = new Workload(f.assumption(w, "memory_tokens_added_per_request", "workload"),
                f.assumption(w, "memory_bytes_per_user", "workload"), f.assumption(w, "memory_tokens_embedded_per_user_per_month", "workload"),
                f.assumption(w, "query_tokens_embedded_per_request", "workload"), f.assumption(w, "request_tokens", "workload"),
                f.assumption(w, "training_examples_per_user", "workload"), f.assumption(w, "tokens_per_training_example", "workload"),
                f.assumption(w, "training_epochs", "workload"), f.assumption(w, "training_overhead_gpu_hours_per_run", "workload"),
                f.assumption(w, "retrains_per_user_per_month", "workload"),
                f.assumption(w, "users_per_variant", "workload"), f.assumption(w, "adapter_resident_fraction", "workload"),
                f.assumption(w, "requests_per_user_per_month", "workload"));
        return new CostAssumptions(f.text(root, "as_of", ""), models, lora, gpu,
                f.assumption(f.node(root, "storage"), "price_per_gb_month", "storage"),
                f.assumption(f.node(root, "embedding"), "price_per_million_tokens", "embedding"), workload);
    }

    /** Field access that names the file and the field path on failure. */
    private record Fields(String source) {
        JsonNode node(JsonNode parent, String field) {
            JsonNode node = parent.get(field);
            if (node == null || node.isNull()) {
                throw new IllegalArgumentException(source + ": field '" + field + "' is missing");
            }
            return node;
        }

        String text(JsonNode parent, String field, String at) {
            JsonNode node = node(parent, field);
            if (!node.isTextual()) {
                throw new IllegalArgumentException(source + ": " + at + "." + field + " must be a string");
            }
            return node.asText();
        }

        int integer(JsonNode parent, String field, String at) {
            JsonNode node = node(parent, field);
            if (!node.canConvertToInt()) {
                throw new IllegalArgumentException(source + ": " + at + "." + field + " must be an integer");
            }
            return node.asInt();
        }

        boolean bool(JsonNode parent, String field, String at) {
            JsonNode node = node(parent, field);
            if (!node.isBoolean()) {
                throw new IllegalArgumentException(source + ": " + at + "." + field + " must be true or false");
            }
            return node.asBoolean();
        }

        Assumption assumption(JsonNode parent, String field, String at) {
            JsonNode node = node(parent, field);
            JsonNode value = node.get("value");
            JsonNode from = node.get("source");
            if (value == null || !value.isNumber() || from == null || !from.isTextual()) {
                throw new IllegalArgumentException(source + ": " + at + "." + field + " must be {\"value\": number, \"source\": text}");
            }
            for (String end : new String[] {"low", "high"}) {
                if (node.has(end) && !node.get(end).isNumber()) {
                    throw new IllegalArgumentException(source + ": " + at + "." + field + "." + end + " must be a number");
                }
            }
            try {
                return new Assumption(value.asDouble(), node.path("low").asDouble(value.asDouble()),
                        node.path("high").asDouble(value.asDouble()), from.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": " + at + "." + field + ": " + e.getMessage(), e);
            }
        }
    }
}
