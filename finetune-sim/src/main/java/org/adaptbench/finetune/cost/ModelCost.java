package org.adaptbench.finetune.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * The projected costs of personalising one model, in dollars and per user per month unless said.
 *
 * @param model the model shape
 * @param loraParameters parameters of one adapter
 * @param adapterBytes bytes of one adapter
 * @param trainingTokensPerUser tokens one adapter training run processes
 * @param loraTrainingFlops FLOPs of one adapter training run: (4 N + 6 N_lora) T
 * @param fullTrainingFlops FLOPs of a full fine-tune on the same tokens, for reference: 6 N T
 * @param gpuHoursPerTraining GPU-hours of one adapter training run at the training MFU, fixed overhead included
 * @param trainingCost dollars of one adapter training run
 * @param adapterHostingPerMonth storage plus GPU-memory residency of one adapter per month
 * @param adapterPerRequest extra compute of an unmerged adapter per request
 * @param memoryPerRequest added input tokens plus query embedding per request
 * @param memoryFixedPerUserPerMonth memory storage plus memory embedding per user per month
 * @param userAdapterFixedPerMonth retraining plus hosting of a per-user adapter per month
 * @param variantAdapterFixedPerUserPerMonth the same for a variant adapter, divided among its users
 * @param userAdapterBreakEven where per-user adapters become cheaper than memory
 * @param variantAdapterBreakEven where per-variant adapters become cheaper than memory
 */
public record ModelCost(ModelShape model, long loraParameters, double adapterBytes, double trainingTokensPerUser,
        double loraTrainingFlops, double fullTrainingFlops, double gpuHoursPerTraining, double trainingCost,
        double adapterHostingPerMonth, double adapterPerRequest, double memoryPerRequest, double memoryFixedPerUserPerMonth,
        double userAdapterFixedPerMonth, double variantAdapterFixedPerUserPerMonth, BreakEven userAdapterBreakEven,
        BreakEven variantAdapterBreakEven) {

    /** Cost per user per month of each approach at {@code requests} requests per user per month. */
    public CostPoint at(double requests) {
        if (!(requests >= 0) || !Double.isFinite(requests)) {
            throw new IllegalArgumentException("request rate must be finite and not negative, got " + requests);
        }
        return new CostPoint(requests, memoryFixedPerUserPerMonth + requests * memoryPerRequest,
                userAdapterFixedPerMonth + requests * adapterPerRequest,
                variantAdapterFixedPerUserPerMonth + requests * adapterPerRequest);
    }

    /** A chart's curve: {@code points} log-spaced request rates from {@code from} to {@code to}, both included. */
    public List<CostPoint> curve(double from, double to, int points) {
        if (!(from > 0) || !(to > from) || points < 2) {
            throw new IllegalArgumentException("need 0 < from < to and at least 2 points, got " + from + ", " + to + ", " + points);
        }
        List<CostPoint> curve = new ArrayList<>(points);
        double ratio = Math.log(to / from);
        for (int i = 0; i < points; i++) {
            curve.add(at(from * Math.exp(ratio * i / (points - 1))));
        }
        return curve;
    }
}
