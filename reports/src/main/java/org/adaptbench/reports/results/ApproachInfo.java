package org.adaptbench.reports.results;

import java.util.List;
import java.util.Objects;

/**
 * One approach of a run as its registry declared it: its name and its capabilities
 * ({@link Capabilities}); results list them in the registry's order, which is the report's reading order.
 */
public record ApproachInfo(String name, List<String> capabilities) {

    public ApproachInfo {
        Objects.requireNonNull(name, "name");
        capabilities = List.copyOf(capabilities);
    }

    public boolean has(String capability) {
        return capabilities.contains(capability);
    }
}
