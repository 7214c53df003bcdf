package org.adaptbench.finetune.runtime;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The numeric settings the loaded engine computes under: what decides, with the CPU, how every
 * matrix product rounds. Same settings on the same CPU give bit-identical figures.
 *
 * @param threads intra-op threads, applied before every training, merge and forward pass
 * @param atenCapability the vector ISA of ATen's kernels ("AVX512", "AVX2", "DEFAULT") as ATen reports it; where
 *     it cannot be asked, what its dispatcher picks from the CPU flags and {@code ATEN_CPU_CAPABILITY}, marked
 *     {@value #DERIVED}
 * @param mklCbwr MKL's conditional-numerical-reproducibility mode in force ("AUTO,STRICT"; "OFF" is not
 *     repeatable), or "unknown"
 * @param versions library versions that change kernels: {@code pytorch}, {@code djl}, {@code mkl}
 * @param environment the pinned variables as native code sees them ("unset" when absent)
 */
public record Numerics(int threads, String atenCapability, String mklCbwr, Map<String, String> versions,
        Map<String, String> environment) {

    /** Suffix of a capability that was derived, not reported by ATen. */
    public static final String DERIVED = " (derived, not reported)";

    public Numerics {
        Objects.requireNonNull(atenCapability, "atenCapability");
        Objects.requireNonNull(mklCbwr, "mklCbwr");
        versions = Collections.unmodifiableSortedMap(new TreeMap<>(versions));
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
    }

    /** The same, with the values in a fixed order: part of the base model's cache key. */
    public String canonical() {
        return "threads=" + threads + ";aten=" + atenCapability + ";mkl_cbwr=" + mklCbwr + ";versions=" + versions
                + ";environment=" + environment;
    }
}
