package org.adaptbench.harness.approach.lora;

import org.adaptbench.harness.approach.ApproachContractTest;

/** The approach contract for {@code global-lora}. */
class GlobalLoraApproachTest extends ApproachContractTest {

    @Override
    protected String approach() {
        return "global-lora";
    }
}
