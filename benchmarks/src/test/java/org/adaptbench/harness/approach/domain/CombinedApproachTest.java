package org.adaptbench.harness.approach.domain;

import org.adaptbench.harness.approach.ApproachContractTest;

/** The approach contract for {@code combined}. */
class CombinedApproachTest extends ApproachContractTest {

    @Override
    protected String approach() {
        return "combined";
    }
}
