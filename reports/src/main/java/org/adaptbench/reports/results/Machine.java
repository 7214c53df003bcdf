package org.adaptbench.reports.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The keys of a results file's {@code environment} that name the machine a run measured on, and
 * the identity they make: wall-clock figures of two runs compare only when it is the same.
 */
public final class Machine {

    /** What makes two machines the same for timing: processor, cores, system and JVM. */
    public static final List<String> IDENTITY = List.of(EnvironmentNames.CPU_MODEL, EnvironmentNames.AVAILABLE_PROCESSORS,
            EnvironmentNames.OS, EnvironmentNames.JAVA_VM, EnvironmentNames.JAVA_VERSION);

    private Machine() {
    }

    /** The machine's identity from a results environment; empty when the file does not record all of it (older runs). */
    public static Optional<Map<String, String>> identity(Map<String, String> environment) {
        Map<String, String> identity = new TreeMap<>();
        for (String key : IDENTITY) {
            String value = environment.get(key);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            identity.put(key, value);
        }
        return Optional.of(identity);
    }
}
