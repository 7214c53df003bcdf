package org.adaptbench.datasets.synthetic;

import java.util.Objects;

/**
 * One option of a preference dimension.
 *
 * @param name the option's identifier, as used in labels and groups ("short")
 * @param description a short human description ("A few sentences that cover the essentials.")
 * @param popularityRank 1 for the dimension's most popular option, 2 for the next, ...
 */
public record PreferenceOption(String name, String description, int popularityRank) {

    public PreferenceOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        if (popularityRank < 1) {
            throw new IllegalArgumentException("popularityRank starts at 1");
        }
    }
}
