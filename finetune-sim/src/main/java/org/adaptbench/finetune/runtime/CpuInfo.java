package org.adaptbench.finetune.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The processor the engine computes on, as the operating system describes it: vendor, model and the
 * instruction-set extensions that decide which kernels PyTorch and MKL pick (and so how they round).
 *
 * @param vendor e.g. {@code GenuineIntel}, {@code AuthenticAMD}, or {@code unknown}
 * @param model the model name, or {@code unknown}
 * @param isaFlags the vector and matrix extensions among {@link #ISA_FLAGS} that the CPU reports, in that order
 */
public record CpuInfo(String vendor, String model, List<String> isaFlags) {

    /**
     * The extensions that change kernel dispatch in ATen, MKL or oneDNN (SSE4.2 and up); the rest of
     * the flag list (power management, virtualisation, ...) does not change a single rounding.
     */
    public static final List<String> ISA_FLAGS = List.of("sse4_2", "avx", "fma", "f16c", "avx2", "avx_vnni", "avx512f",
            "avx512dq", "avx512cd", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile",
            "amx_bf16", "amx_int8", "asimd", "sve", "sve2");

    static final String UNKNOWN = "unknown";

    public CpuInfo {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(model, "model");
        isaFlags = List.copyOf(isaFlags);
    }

    /** This machine's processor, from {@code /proc/cpuinfo} where there is one (Linux), else unknown. */
    public static CpuInfo current() {
        Path file = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(file)) {
            return new CpuInfo(UNKNOWN, System.getProperty("os.arch", UNKNOWN), List.of());
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new CpuInfo(UNKNOWN, UNKNOWN, List.of());
        }
    }

    /** Reads the first processor's entry of a {@code /proc/cpuinfo} listing (all cores of a machine are alike). */
    static CpuInfo parse(List<String> lines) {
        String vendor = UNKNOWN;
        String model = UNKNOWN;
        Set<String> flags = Set.of();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                if (line.isBlank() && !flags.isEmpty()) {
                    break; // end of the first processor's entry
                }
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.US);
            String value = line.substring(colon + 1).trim();
            switch (key) {
                case "vendor_id", "cpu implementer" -> vendor = vendor.equals(UNKNOWN) ? value : vendor;
                case "model name" -> model = model.equals(UNKNOWN) ? value : model;
                case "flags", "features" -> flags = flags.isEmpty() ? Set.copyOf(Arrays.asList(value.split("\\s+"))) : flags;
                default -> {
                    // other fields say nothing about how the kernels round
                }
            }
        }
        List<String> isa = new ArrayList<>();
        for (String flag : ISA_FLAGS) {
            if (flags.contains(flag)) {
                isa.add(flag);
            }
        }
        return new CpuInfo(vendor, model, isa);
    }

    /**
     * The capability ATen picks on this CPU when {@code ATEN_CPU_CAPABILITY} is unset, by the rule of
     * its dispatcher ({@code AVX512} needs AVX-512 F/BW/VL/DQ and FMA, {@code AVX2} needs AVX2 and FMA):
     * what the record says when the engine cannot be asked.
     */
    String defaultAtenCapability() {
        Set<String> has = Set.copyOf(isaFlags);
        if (has.containsAll(List.of("avx512vl", "avx512bw", "avx512dq", "fma"))) {
            return "AVX512";
        }
        if (has.containsAll(List.of("avx2", "fma"))) {
            return "AVX2";
        }
        return "DEFAULT";
    }

    /** One line: vendor, model and ISA flags. */
    public String describe() {
        return vendor + " " + model + " [" + String.join(" ", isaFlags) + "]";
    }
}
