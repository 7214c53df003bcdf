package org.adaptbench.harness.approach.domain;

import org.adaptbench.harness.approach.ApproachContractTest;

/** The approach contract for {@code domain-lora}. */
class DomainLoraApproachTest extends ApproachContractTest {

    @Override
    protected String approach() {
        return "domain-lora";
    }
}
