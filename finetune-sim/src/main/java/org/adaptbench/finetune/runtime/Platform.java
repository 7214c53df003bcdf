package org.adaptbench.finetune.runtime;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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

    /** The values {@link TorchRuntime#PINNED} should have for {@code threads} intra-op threads, and whether each replaces a value already set. */
    static Map<String, Map.Entry<String, Boolean>> pins(int threads) {
        Map<String, Map.Entry<String, Boolean>> pins = new LinkedHashMap<>();
        pins.put("OMP_NUM_THREADS", Map.entry(Integer.toString(threads), true));
        pins.put("MKL_NUM_THREADS", Map.entry(Integer.toString(threads), true));
        pins.put("OMP_DYNAMIC", Map.entry("FALSE", true));
        pins.put("MKL_DYNAMIC", Map.entry("FALSE", true));
        pins.put("MKL_CBWR", Map.entry(TorchRuntime.DEFAULT_MKL_CBWR, false));
        return pins;
    }

    /** Writes {@link TorchRuntime#PINNED}'s values into the process environment; call before libtorch loads. */
    static void pinEnvironment(int threads) {
        pins(threads).forEach((name, pin) -> {
            if (!NativeNumerics.setenv(name, pin.getKey(), pin.getValue())) {
                System.getLogger(Platform.class.getName()).log(System.Logger.Level.WARNING, "cannot set " + name
                        + " in-process on this platform; the numerics are as the process started (see docs/running.md)");
            }
        });
    }

    /** The platform of the loaded engine: what the CPU, libtorch and MKL report. */
    static Platform read(Engine loaded, int threads) {
        CpuInfo cpu = CpuInfo.current();
        Optional<com.sun.jna.NativeLibrary> torch;
        try {
            torch = NativeNumerics.libtorch(LibUtils.getLibtorchPath());
        } catch (RuntimeException e) {
            torch = Optional.empty();
        }
        Map<String, String> environment = new TreeMap<>();
        for (String name : TorchRuntime.PINNED) {
            environment.put(name, NativeNumerics.getenv(name).orElse("unset"));
        }
        String capability = torch.flatMap(NativeNumerics::atenCapability).orElseGet(() -> {
            String requested = environment.get("ATEN_CPU_CAPABILITY").toUpperCase(java.util.Locale.US);
            boolean valid = java.util.List.of("DEFAULT", "AVX2", "AVX512").contains(requested);
            return (valid ? requested : cpu.defaultAtenCapability()) + Numerics.DERIVED;
        });
        String cbwr = torch.flatMap(NativeNumerics::mklCbwr).orElse(CpuInfo.UNKNOWN);
        if (cbwr.equals("OFF")) {
            System.getLogger(Platform.class.getName()).log(System.Logger.Level.WARNING,
                    "MKL runs without conditional numerical reproducibility (MKL_CBWR was read before it was set?): figures may"
                            + " differ from run to run");
        }
        Map<String, String> versions = new TreeMap<>();
        versions.put("pytorch", loaded.getVersion());
        versions.put("djl", Engine.getDjlVersion());
        versions.put("mkl", torch.flatMap(NativeNumerics::mklVersion).orElse(CpuInfo.UNKNOWN));
        // on Intel processors AUTO runs a named branch (AVX512, AVX2, ...); elsewhere MKL names none
        String cbwrDetail = torch.flatMap(NativeNumerics::mklAutoBranch).filter(branch -> cbwr.startsWith("AUTO") && !branch.equals("AUTO"))
                .map(branch -> cbwr + " (auto branch " + branch + ")").orElse(cbwr);
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        return new Platform(os, cpu, new Numerics(threads, capability, cbwrDetail, versions, environment));
    }
}
