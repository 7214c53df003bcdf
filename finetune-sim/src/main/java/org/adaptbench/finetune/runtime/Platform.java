package org.adaptbench.finetune.runtime;

import java.util.Objects;

/**
 * Where the engine computes: operating system, processor and numeric settings. Figures are
 * repeatable on one platform; another platform may round differently, so the base model's cache is
 * keyed by it and every results file records it.
 *
 * @param os operating system name and architecture, e.g. "Linux amd64"
 * @param cpu the processor
 * @param numerics the engine's numeric settings
 */
public record Platform(String os, CpuInfo cpu, Numerics numerics) {

    public Platform {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(numerics, "numerics");
    }

    /**
     * Everything that can change a rounding, in a fixed order: OS and architecture, CPU vendor and
     * model (MKL picks kernels by processor, not by flags alone), ISA flags, and the numeric settings.
     */
    public String canonical() {
        return "os=" + os + ";cpu=" + cpu.vendor() + "/" + cpu.model() + ";isa=" + String.join(",", cpu.isaFlags()) + ";"
                + numerics.canonical();
    }
}
