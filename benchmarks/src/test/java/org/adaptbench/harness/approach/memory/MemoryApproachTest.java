package org.adaptbench.harness.approach.memory;

import org.adaptbench.harness.approach.ApproachContractTest;

/** The approach contract for {@code memory}. */
class MemoryApproachTest extends ApproachContractTest {

    @Override
    protected String approach() {
        return "memory";
    }
}
