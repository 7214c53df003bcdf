package org.adaptbench.harness.approach.lora;

import org.adaptbench.harness.approach.ApproachContractTest;

/** The approach contract for {@code user-lora/every-event}. */
class UserLoraApproachTest extends ApproachContractTest {

    @Override
    protected String approach() {
        return "user-lora/every-event";
    }
}
