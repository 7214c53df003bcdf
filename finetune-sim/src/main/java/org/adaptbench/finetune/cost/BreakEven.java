package org.adaptbench.finetune.cost;

import java.util.Locale;

/** Where an adapter approach becomes cheaper than memory, in requests per user per month. */
public sealed interface BreakEven permits BreakEven.Above, BreakEven.Below, BreakEven.Never, BreakEven.Always {

    /** "never", "always", or where the costs cross. */
    String describe();

    /** @param requestsPerUserPerMonth above this rate adapters are cheaper than memory */
    record Above(double requestsPerUserPerMonth) implements BreakEven {
        @Override
        public String describe() {
            return String.format(Locale.US, "cheaper above %.1f requests per user per month", requestsPerUserPerMonth);
        }
    }

    /** @param requestsPerUserPerMonth below this rate adapters are cheaper; memory wins above it */
    record Below(double requestsPerUserPerMonth) implements BreakEven {
        @Override
        public String describe() {
            return String.format(Locale.US, "cheaper below %.1f requests per user per month", requestsPerUserPerMonth);
        }
    }

    /** Memory is at least as cheap at every request rate. */
    record Never() implements BreakEven {
        @Override
        public String describe() {
            return "never";
        }
    }

    /** Adapters are cheaper at every request rate, zero included. */
    record Always() implements BreakEven {
        @Override
        public String describe() {
            return "always";
        }
    }

    /**
     * The crossing of two linear monthly costs: adapters {@code adapterFixed + r·adapterPerRequest}
     * against memory {@code memoryFixed + r·memoryPerRequest}, for r ≥ 0.
     */
    static BreakEven of(double adapterFixed, double adapterPerRequest, double memoryFixed, double memoryPerRequest) {
        double fixedGap = adapterFixed - memoryFixed;
        double perRequestSaving = memoryPerRequest - adapterPerRequest;
        if (fixedGap < 0) {
            return perRequestSaving >= 0 ? new Always() : new Below(-fixedGap / -perRequestSaving);
        }
        if (perRequestSaving <= 0) {
            return new Never();
        }
        return new Above(fixedGap / perRequestSaving);
    }
}
