package org.adaptbench.finetune.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * Projects what memory and adapters cost at real model sizes, from {@link CostAssumptions}.
 *
 * <p>Training FLOPs: a full fine-tune costs 6·N·T (forward 2NT, backward 4NT). LoRA still runs the
 * frozen model forward (2NT) and back through its activations (2NT), but computes weight gradients
 * only for the adapter, and its own forward and backward add 6·N_lora·T: (4N + 6N_lora)·T, about
 * two-thirds of a full fine-tune. GPU time is FLOPs / (MFU × peak) plus a fixed overhead per run. A per-user adapter costs its
 * monthly retraining plus hosting (storage, and GPU memory for the resident share of the month,
 * priced as that share of the GPU's memory); serving it adds 2·N_lora FLOPs per request token.
 * Memory costs added input tokens and the query embedding per request, plus storage and embedding of
 * the memories. Costs that both approaches share (the base model serving the request) cancel out.
 */
public final class CostProjection {

    private static final double HOURS_PER_MONTH = 730;
    private static final double BYTES_PER_GB = 1e9;

    private final CostAssumptions assumptions;

    public CostProjection(CostAssumptions assumptions) {
        this.assumptions = assumptions;
    }

    public CostAssumptions assumptions() {
        return assumptions;
    }

    /** The projection for every model in the assumptions. */
    public List<ModelCost> projectAll() {
        List<ModelCost> costs = new ArrayList<>();
        assumptions.models().forEach(model -> costs.add(project(model)));
        return costs;
    }

    public ModelCost project(ModelShape model) {
        CostAssumptions.Workload w = assumptions.workload();
        CostAssumptions.Gpu gpu = assumptions.gpu();
        long loraParameters = model.loraParameters(assumptions.lora().rankValue(), assumptions.lora().targets());
        double adapterBytes = loraParameters * assumptions.lora().bytesPerParameter().value();
        double tokens = w.trainingExamplesPerUser().value() * w.tokensPerTrainingExample().value() * w.trainingEpochs().value();
        double n = model.forwardParameters();
        double loraFlops = (4 * n + 6.0 * loraParameters) * tokens;
        double fullFlops = 6 * n * tokens;
        double gpuHours = loraFlops / (gpu.trainingMfu().value() * gpu.peakFlops().value()) / 3600
                + w.trainingOverheadGpuHoursPerRun().value();
        double trainingCost = gpuHours * gpu.pricePerHour().value();
        double storage = assumptions.storagePricePerGbMonth().value();
        double residency = adapterBytes / gpu.memoryBytes().value() * gpu.pricePerHour().value() * HOURS_PER_MONTH
                * w.adapterResidentFraction().value();
        double hosting = adapterBytes / BYTES_PER_GB * storage + residency;
        double adapterPerRequest = 2.0 * loraParameters * w.requestTokens().value() * gpu.dollarsPerFlop(gpu.servingMfu().value());
        double embedding = assumptions.embeddingPricePerMillionTokens().value() / 1e6;
        double memoryPerRequest = w.memoryTokensAddedPerRequest().value() * model.inputPricePerMillionTokens().value() / 1e6
                + w.queryTokensEmbeddedPerRequest().value() * embedding;
        double memoryFixed = w.memoryBytesPerUser().value() / BYTES_PER_GB * storage
                + w.memoryTokensEmbeddedPerUserPerMonth().value() * embedding;
        double userFixed = trainingCost * w.retrainsPerUserPerMonth().value() + hosting;
        double variantFixed = userFixed / w.usersPerVariant().value();
        return new ModelCost(model, loraParameters, adapterBytes, tokens, loraFlops, fullFlops, gpuHours, trainingCost, hosting,
                adapterPerRequest, memoryPerRequest, memoryFixed, userFixed, variantFixed,
                BreakEven.of(userFixed, adapterPerRequest, memoryFixed, memoryPerRequest),
                BreakEven.of(variantFixed, adapterPerRequest, memoryFixed, memoryPerRequest));
    }
}
