package org.adaptbench.harness.approach.basic;

import org.adaptbench.harness.approach.ApproachContractTest;

/** The approach contract for {@code none}. */
class NoneApproachTest extends ApproachContractTest {

    @Override
    protected String approach() {
        return "none";
    }
}
