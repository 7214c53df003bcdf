package org.adaptbench.harness.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.adaptbench.finetune.runtime.Numerics;
import org.adaptbench.finetune.runtime.Platform;
import org.adaptbench.finetune.runtime.TorchRuntime;
import org.adaptbench.finetune.train.PretrainedModel;
import org.adaptbench.finetune.train.Pretraining;
import org.adaptbench.harness.bench.Bench;
import org.adaptbench.reports.results.EnvironmentNames;

/**
 * What results.json says about where its figures came from: JVM, machine (CPU model, ISA flags, the
 * ISA PyTorch's kernels use), the pinned numerics, library versions, and the base model's checkpoint
 * hash. Accuracies are repeatable where all of these agree; timings depend on them too.
 */
final class RunEnvironment {

    /** A library whose version the results name: its key, Maven coordinates, and a resource only its jar holds. */
    private record Library(String name, String group, String artifact, String resource) {
    }

    private static final List<Library> LIBRARIES = List.of(
            new Library("langchain4j", "dev.langchain4j", "langchain4j-core", "dev/langchain4j/data/segment/TextSegment.class"),
            new Library("langchain4j_embeddings", "dev.langchain4j", "langchain4j-embeddings",
                    "dev/langchain4j/model/embedding/onnx/OnnxEmbeddingModel.class"),
            new Library("onnxruntime", "com.microsoft.onnxruntime", "onnxruntime", "ai/onnxruntime/OrtEnvironment.class"),
            new Library("sqlite_jdbc", "org.xerial", "sqlite-jdbc", "org/sqlite/JDBC.class"),
            new Library("jtokkit", "com.knuddels", "jtokkit", "com/knuddels/jtokkit/Encodings.class"),
            new Library("pytorch_jni", "ai.djl.pytorch", "pytorch-jni", "jnilib/pytorch.properties"),
            new Library("pytorch_native", "ai.djl.pytorch", "pytorch-native-cpu", "native/lib/pytorch.properties"),
            new Library("jna", "net.java.dev.jna", "jna", "com/sun/jna/Native.class"),
            new Library("jackson", "com.fasterxml.jackson.core", "jackson-databind", "com/fasterxml/jackson/databind/ObjectMapper.class"));

    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d[^/]*)\\.jar$");

    private RunEnvironment() {
    }

    /** The environment of a run on {@code bench} (its machine facts need the engine; it is loaded if the run did not). */
    static Map<String, String> of(Bench bench) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(EnvironmentNames.JAVA_VERSION, System.getProperty("java.version"));
        environment.put(EnvironmentNames.JAVA_VM, System.getProperty("java.vm.name"));
        environment.put(EnvironmentNames.OS, System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        environment.put(EnvironmentNames.AVAILABLE_PROCESSORS, Integer.toString(Runtime.getRuntime().availableProcessors()));
        environment.put(EnvironmentNames.PARALLEL_CELLS, Integer.toString(bench.config().cellsAtOnce()));
        environment.put(EnvironmentNames.CODE_VERSION, org.adaptbench.harness.cell.CodeVersion.current());
        environment.put(EnvironmentNames.EMBEDDING_MODEL, bench.embedder().modelId());
        environment.put(EnvironmentNames.TOKENIZER, bench.tokens().encodingName());
        environment.put(EnvironmentNames.PREFEVAL_ROOT, bench.config().prefeval().path().isBlank()
                ? org.adaptbench.datasets.prefeval.PrefEvalLocation.find().map(Object::toString)
                        .orElse("not found (the base model was pre-trained without PrefEval topics)")
                : bench.config().prefeval().path());
        environment.put(EnvironmentNames.LLM, bench.llm().map(settings -> settings.describe().toString()).orElse("none (embedded base model)"));
        machine(TorchRuntime.platform(), environment);
        baseModel(bench.pretrainedIfBuilt(), environment);
        for (Library library : LIBRARIES) {
            environment.put(EnvironmentNames.version(library.name()), version(library));
        }
        return environment;
    }

    /** The machine and numerics facts of {@code platform}. */
    static void machine(Platform platform, Map<String, String> environment) {
        Numerics numerics = platform.numerics();
        environment.put(EnvironmentNames.MACHINE, String.format(Locale.US, "%s, %d cores, %s kernels, %s", platform.cpu().model(),
                Runtime.getRuntime().availableProcessors(), numerics.atenCapability(), platform.os()));
        environment.put(EnvironmentNames.CPU_VENDOR, platform.cpu().vendor());
        environment.put(EnvironmentNames.CPU_MODEL, platform.cpu().model());
        environment.put(EnvironmentNames.CPU_ISA_FLAGS, String.join(" ", platform.cpu().isaFlags()));
        environment.put(EnvironmentNames.ATEN_CPU_CAPABILITY, numerics.atenCapability());
        environment.put(EnvironmentNames.MKL_CBWR, numerics.mklCbwr());
        environment.put(EnvironmentNames.TORCH_THREADS, Integer.toString(numerics.threads()));
        environment.put(EnvironmentNames.NUMERICS_ENVIRONMENT, numerics.environment().entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(" ")));
        numerics.versions().forEach((library, version) -> environment.put(EnvironmentNames.version(library), version));
        environment.put(EnvironmentNames.MODEL_CODE_VERSION, Integer.toString(Pretraining.MODEL_CODE_VERSION));
    }

    private static void baseModel(Optional<PretrainedModel> base, Map<String, String> environment) {
        if (base.isEmpty()) {
            environment.put(EnvironmentNames.BASE_MODEL_SHA256, "none (no approach of this run used the base model)");
            return;
        }
        PretrainedModel model = base.get();
        environment.put(EnvironmentNames.BASE_MODEL_SHA256, model.model().identity());
        environment.put(EnvironmentNames.BASE_MODEL_CACHE_KEY, model.cacheKey());
        environment.put(EnvironmentNames.BASE_MODEL_SOURCE, model.fromCache()
                ? "loaded from cache " + model.checkpoint().map(Path::toString).orElse("") : "trained in this run");
    }

    /** A library's version from its Maven metadata or its jar's file name (the artifact's version); "unknown" if neither says. */
    static String version(Library library) {
        String metadata = "META-INF/maven/" + library.group() + "/" + library.artifact() + "/pom.properties";
        try (InputStream in = RunEnvironment.class.getClassLoader().getResourceAsStream(metadata)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version");
                if (version != null && !version.isBlank()) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall back to the jar's name
        }
        java.net.URL resource = RunEnvironment.class.getClassLoader().getResource(library.resource());
        if (resource == null) {
            return "not on the class path";
        }
        // jar:file:/.../pytorch-jni-2.7.1-0.36.0.jar!/jnilib/pytorch.properties
        String location = resource.getPath();
        int bang = location.indexOf("!/");
        Matcher matcher = JAR_VERSION.matcher(bang < 0 ? location : location.substring(0, bang));
        return matcher.find() ? matcher.group(1) : "unknown";
    }
}
