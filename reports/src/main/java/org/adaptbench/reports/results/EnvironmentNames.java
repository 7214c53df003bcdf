package org.adaptbench.reports.results;

/**
 * The keys of results.json's {@code environment}: the machine, the numerics and the libraries a run's
 * figures came from, and the base model it ran with. Accuracies are repeatable only where all of these
 * agree; the harness writes them and the report names the machine from them.
 */
public final class EnvironmentNames {

    public static final String JAVA_VERSION = "java_version";
    public static final String JAVA_VM = "java_vm";
    public static final String OS = "os";
    public static final String AVAILABLE_PROCESSORS = "available_processors";
    public static final String EMBEDDING_MODEL = "embedding_model";
    public static final String TOKENIZER = "tokenizer";
    public static final String PREFEVAL_ROOT = "prefeval_root";
    public static final String LLM = "llm";
    /** SHA-256 over the modules' classes and resources as loaded (the run folder's code identity). */
    public static final String CODE_VERSION = "code_version";

    /** One line naming the machine: CPU model, cores, the ISA the kernels use, OS. */
    public static final String MACHINE = "machine";
    public static final String CPU_VENDOR = "cpu_vendor";
    public static final String CPU_MODEL = "cpu_model";
    /** The CPU's vector and matrix extensions (from /proc/cpuinfo), space-separated. */
    public static final String CPU_ISA_FLAGS = "cpu_isa_flags";
    /** The vector ISA of PyTorch's kernels in use ({@code torch.backends.cpu.get_cpu_capability()}). */
    public static final String ATEN_CPU_CAPABILITY = "aten_cpu_capability";
    /** MKL's conditional numerical reproducibility mode in force. */
    public static final String MKL_CBWR = "mkl_cbwr";
    public static final String TORCH_THREADS = "torch_threads";
    /** How many cells ran at once: wall-clock figures were measured beside that many others at most. */
    public static final String PARALLEL_CELLS = "parallel_cells";
    /** The numeric environment variables as the native libraries read them, {@code NAME=value} space-separated. */
    public static final String NUMERICS_ENVIRONMENT = "numerics_environment";

    /** SHA-256 of the base model's config and weights (its checkpoint identity), or why there is none. */
    public static final String BASE_MODEL_SHA256 = "base_model_sha256";
    /** The cache key the base model was stored under (model code version, platform, configs, data). */
    public static final String BASE_MODEL_CACHE_KEY = "base_model_cache_key";
    /** "trained" or "loaded from cache". */
    public static final String BASE_MODEL_SOURCE = "base_model_source";
    public static final String MODEL_CODE_VERSION = "model_code_version";

    /** The key of a library's version: {@code <library>_version}. */
    public static String version(String library) {
        return library + "_version";
    }

    private EnvironmentNames() {
    }
}
