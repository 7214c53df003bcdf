package org.adaptbench.harness.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenF1Test {

    @Test
    void scoresTokenOverlapAfterNormalisation() {
        assertEquals(1.0, TokenF1.of("7 May, 2023.", "7 May 2023"), 1e-12, "punctuation and case do not count");
        assertEquals(1.0, TokenF1.of("The painting", "painting"), 1e-12, "articles do not count");
        // prediction "may 2023" against gold "7 may 2023": precision 2/2, recall 2/3
        assertEquals(2 * 1.0 * (2.0 / 3) / (1.0 + 2.0 / 3), TokenF1.of("May 2023", "7 May 2023"), 1e-12);
        assertEquals(0.0, TokenF1.of("unknown", "7 May 2023"), 1e-12);
        assertEquals(0.0, TokenF1.of("", "7 May 2023"), 1e-12);
        // repeated tokens count once each: "dog dog" vs "dog": precision 1/2, recall 1
        assertEquals(2 * 0.5 * 1.0 / 1.5, TokenF1.of("dog dog", "dog"), 1e-12);
    }
}
