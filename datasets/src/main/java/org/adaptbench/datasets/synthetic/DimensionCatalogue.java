package org.adaptbench.datasets.synthetic;

import java.util.List;
import java.util.Optional;

/**
 * The preference dimensions of the synthetic world with their options: what the harness gives a
 * memory layer's extractor as its slot list, and what reports use to name groups.
 */
public record DimensionCatalogue(List<Dimension> dimensions) {

    public DimensionCatalogue {
        dimensions = List.copyOf(dimensions);
    }

    /** Every dimension the built-in world knows, in its fixed order. */
    public static DimensionCatalogue standard() {
        return of(WorldText.standard(), WorldText.standard().dimensions().size());
    }

    /** The catalogue of a world generated with {@code config} (its first {@code config.dimensions()}). */
    public static DimensionCatalogue of(SyntheticConfig config) {
        return of(WorldText.standard(), config.dimensions());
    }

    static DimensionCatalogue of(WorldText text, int count) {
        return new DimensionCatalogue(text.dimensions().subList(0, count).stream().map(dimension -> {
            List<WorldText.OptionText> options = dimension.options();
            List<PreferenceOption> described = new java.util.ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                described.add(new PreferenceOption(options.get(i).name(), options.get(i).description(), i + 1));
            }
            return new Dimension(dimension.name(), dimension.description(), described);
        }).toList());
    }

    public Optional<Dimension> dimension(String name) {
        return dimensions.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public int size() {
        return dimensions.size();
    }
}
