package org.adaptbench.harness.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.adaptbench.datasets.synthetic.Dimension;
import org.adaptbench.datasets.synthetic.DimensionCatalogue;
import org.adaptbench.datasets.synthetic.PreferenceOption;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotDefinition;

/** Slot lists for the memory layer, built from a data set's own account of its preference dimensions. */
public final class SlotCatalogues {

    private SlotCatalogues() {
    }

    /**
     * One slot per dimension, in the catalogue's order and named as the dimension, so a memory's slot
     * can be compared with a turn label's dimension. Each slot is described by the dimension's
     * one-line description and exemplified by each option's description and name: what an
     * application writing its own slot list would know, and nothing of any history's wording.
     */
    public static SlotCatalogue fromDimensions(DimensionCatalogue dimensions) {
        Objects.requireNonNull(dimensions, "dimensions");
        if (dimensions.size() == 0) {
            throw new IllegalArgumentException("the dimension catalogue is empty: a memory layer without slots needs SlotCatalogue.open()");
        }
        return new SlotCatalogue(dimensions.dimensions().stream().map(SlotCatalogues::slot).toList());
    }

    private static SlotDefinition slot(Dimension dimension) {
        List<String> examples = new ArrayList<>();
        for (PreferenceOption option : dimension.options()) {
            examples.add(option.description());
            // the bare value name ("short", "mid range") is what users tend to say; it helped on the tuning world
            examples.add(option.name().replace('_', ' '));
        }
        return new SlotDefinition(dimension.name(), dimension.description(), examples);
    }
}
