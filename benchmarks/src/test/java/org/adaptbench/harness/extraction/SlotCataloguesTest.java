package org.adaptbench.harness.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.adaptbench.datasets.synthetic.Dimension;
import org.adaptbench.datasets.synthetic.DimensionCatalogue;
import org.adaptbench.personalization.extract.SlotCatalogue;
import org.adaptbench.personalization.extract.SlotDefinition;
import org.junit.jupiter.api.Test;

class SlotCataloguesTest {

    @Test
    void oneSlotPerDimensionDescribedByTheCatalogueItself() {
        DimensionCatalogue dimensions = DimensionCatalogue.standard();
        SlotCatalogue slots = SlotCatalogues.fromDimensions(dimensions);
        assertEquals(dimensions.dimensions().stream().map(Dimension::name).toList(),
                slots.slots().stream().map(SlotDefinition::name).toList());
        SlotDefinition budget = slots.find("budget").orElseThrow();
        Dimension source = dimensions.dimension("budget").orElseThrow();
        assertEquals(source.description(), budget.description());
        assertTrue(budget.examples().contains(source.options().get(0).description()));
        assertTrue(budget.examples().contains("mid range"), budget.examples().toString());
        assertEquals(2 * source.options().size(), budget.examples().size());
    }

    @Test
    void anEmptyCatalogueIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SlotCatalogues.fromDimensions(new DimensionCatalogue(List.of())));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }
}
