package org.adaptbench.finetune.runtime;

import com.sun.jna.Function;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The C side of the engine, reached through JNA: the process environment the native libraries read
 * (Java's {@code System.getenv} is a copy taken at start-up and cannot be changed), and what the
 * loaded libtorch reports about the kernels it dispatches to.
 *
 * <p>Every call degrades to "cannot" ({@code false} or empty) instead of failing: the facts are
 * recorded, and a missing one is recorded as unknown, never guessed.
 */
final class NativeNumerics {

    /** {@code MKL_CBWR_ALL}: ask for the whole CNR setting (branch and the strict flag). */
    private static final int CBWR_ALL = -1;
    private static final int CBWR_STRICT = 0x10000;
    /** MKL's CNR branch constants (mkl_cbwr.h), by value. */
    private static final Map<Integer, String> CBWR_BRANCHES = Map.ofEntries(Map.entry(0, "OFF"), Map.entry(1, "OFF"),
            Map.entry(2, "AUTO"), Map.entry(3, "COMPATIBLE"), Map.entry(4, "SSE2"), Map.entry(6, "SSSE3"),
            Map.entry(7, "SSE4_1"), Map.entry(8, "SSE4_2"), Map.entry(9, "AVX"), Map.entry(10, "AVX2"),
            Map.entry(11, "AVX512_MIC"), Map.entry(12, "AVX512"), Map.entry(13, "AVX512_MIC_E1"), Map.entry(14, "AVX512_E1"));
    /** {@code std::string at::get_cpu_capability()}, the function behind {@code torch.backends.cpu.get_cpu_capability()}. */
    private static final String ATEN_CAPABILITY = "_ZN2at18get_cpu_capabilityB5cxx11Ev";

    private NativeNumerics() {
    }

    /** Sets {@code name=value} in the process environment (replacing a value only if {@code overwrite}); false where it cannot. */
    static boolean setenv(String name, String value, boolean overwrite) {
        if (com.sun.jna.Platform.isWindows()) {
            return false;
        }
        try {
            Function setenv = NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME).getFunction("setenv");
            return setenv.invokeInt(new Object[] {name, value, overwrite ? 1 : 0}) == 0;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** The process environment's value of {@code name} as native code sees it, if set. */
    static Optional<String> getenv(String name) {
        if (com.sun.jna.Platform.isWindows()) {
            return Optional.ofNullable(System.getenv(name));
        }
        try {
            Pointer value = NativeLibrary.getInstance(com.sun.jna.Platform.C_LIBRARY_NAME).getFunction("getenv")
                    .invokePointer(new Object[] {name});
            return value == null ? Optional.empty() : Optional.of(value.getString(0));
        } catch (LinkageError | RuntimeException e) {
            return Optional.ofNullable(System.getenv(name));
        }
    }

    /** The loaded libtorch_cpu (MKL is linked into it), if it can be opened. */
    static Optional<NativeLibrary> libtorch(String libtorchDir) {
        try {
            Path file = Path.of(libtorchDir).resolve(System.mapLibraryName("torch_cpu"));
            return Files.isRegularFile(file) ? Optional.of(NativeLibrary.getInstance(file.toString())) : Optional.empty();
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** MKL's version string, e.g. "Intel(R) oneAPI Math Kernel Library Version 2024.2-Product Build 20240605 ...". */
    static Optional<String> mklVersion(NativeLibrary torch) {
        try (Memory buffer = new Memory(256)) {
            buffer.clear();
            torch.getFunction("MKL_Get_Version_String").invokeVoid(new Object[] {buffer, (int) buffer.size() - 1});
            String version = buffer.getString(0).trim();
            return version.isEmpty() ? Optional.empty() : Optional.of(version);
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** MKL's conditional numerical reproducibility setting in force, e.g. "AUTO,STRICT", or "OFF". */
    static Optional<String> mklCbwr(NativeLibrary torch) {
        try {
            int setting = torch.getFunction("mkl_serv_cbwr_get").invokeInt(new Object[] {CBWR_ALL});
            String branch = CBWR_BRANCHES.getOrDefault(setting & ~CBWR_STRICT, "code " + (setting & ~CBWR_STRICT));
            return Optional.of((setting & CBWR_STRICT) != 0 ? branch + ",STRICT" : branch);
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The branch MKL's CNR AUTO mode runs on this CPU (on non-Intel processors MKL names none and says AUTO). */
    static Optional<String> mklAutoBranch(NativeLibrary torch) {
        try {
            int branch = torch.getFunction("mkl_serv_cbwr_get_auto_branch").invokeInt(new Object[0]);
            return Optional.of(CBWR_BRANCHES.getOrDefault(branch, "code " + branch));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * ATen's CPU capability in use ("DEFAULT", "AVX2", "AVX512", ...). The function returns a
     * {@code std::string} by value: on x86-64 Linux (System V ABI, libstdc++'s C++11 string) the caller
     * passes the return slot as a hidden first argument and a short string lives inside the slot, so
     * the value is read from there; elsewhere, or if the slot does not look like that, empty.
     */
    static Optional<String> atenCapability(NativeLibrary torch) {
        if (!com.sun.jna.Platform.isLinux() || !com.sun.jna.Platform.isIntel() || !com.sun.jna.Platform.is64Bit()) {
            return Optional.empty();
        }
        try (Memory slot = new Memory(32)) {
            slot.clear();
            torch.getFunction(ATEN_CAPABILITY).invokeVoid(new Object[] {slot});
            long data = Pointer.nativeValue(slot.getPointer(0));
            long length = slot.getLong(8);
            // only a string stored in the slot itself (at most 15 characters) is read: nothing is left to free
            if (data != Pointer.nativeValue(slot) + 16 || length <= 0 || length > 15) {
                return Optional.empty();
            }
            return Optional.of(new String(slot.getByteArray(16, (int) length), java.nio.charset.StandardCharsets.US_ASCII));
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }
}
