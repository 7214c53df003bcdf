package org.adaptbench.datasets.synthetic;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A preference dimension of the synthetic world (a slot a memory extractor fills).
 *
 * @param name identifier used in labels, queries and attributes ("verbosity")
 * @param description one line saying what the dimension is about
 * @param options the options, most popular first
 */
public record Dimension(String name, String description, List<PreferenceOption> options) {

    public Dimension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        options = List.copyOf(options);
    }

    public Optional<PreferenceOption> option(String optionName) {
        return options.stream().filter(o -> o.name().equals(optionName)).findFirst();
    }
}
