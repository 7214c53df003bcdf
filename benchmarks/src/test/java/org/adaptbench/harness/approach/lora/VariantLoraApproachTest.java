package org.adaptbench.harness.approach.lora;

import org.adaptbench.harness.approach.ApproachContractTest;

/** The approach contract for {@code variant-lora}. */
class VariantLoraApproachTest extends ApproachContractTest {

    @Override
    protected String approach() {
        return "variant-lora";
    }
}
