package org.adaptbench.personalization.store;

import org.adaptbench.personalization.ManualClock;

class InMemoryMemoryStoreTest extends MemoryStoreContractTest {

    @Override
    protected MemoryStore createStore(ManualClock clock) {
        return new InMemoryMemoryStore(DIM, clock);
    }
}
