package org.adaptbench.reports.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void stepsDownFromTheSmallestAndStaysMonotone() {
        // m = 4: 0.01*4 = 0.04, 0.02*3 = 0.06, 0.03*2 = 0.06 (monotone), 0.5*1 = 0.5
        assertArrayEquals(new double[] {0.06, 0.04, 0.5, 0.06}, Holm.adjust(List.of(0.03, 0.01, 0.5, 0.02)), 1e-12);
    }

    @Test
    void neverExceedsOneAndOneTestIsUnadjusted() {
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(List.of(0.6, 0.9)), 1e-12);
        assertArrayEquals(new double[] {0.03}, Holm.adjust(List.of(0.03)), 1e-12);
        assertArrayEquals(new double[0], Holm.adjust(List.of()), 1e-12);
    }

    @Test
    void refusesWhatIsNoProbability() {
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(List.of(1.5)));
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(List.of(Double.NaN)));
    }
}
