package org.adaptbench.harness.approach.basic;

import org.adaptbench.harness.approach.ApproachContractTest;

/** The approach contract for {@code full-context}. */
class FullContextApproachTest extends ApproachContractTest {

    @Override
    protected String approach() {
        return "full-context";
    }
}
