package org.adaptbench.jmh.scale;

import java.util.function.Supplier;
import org.adaptbench.reports.results.ApproachNames;

/** The two ways of serving N users from one base model, each creating its measurement. */
enum ScaleArm {

    /** The durable SQLite store holding every user's memories; per request recall, context build and a shared forward. */
    MEMORY(ApproachNames.MEMORY, MemoryArm::new),
    /** One adapter file per user, an LRU cache of K resident adapters, mixed-adapter batches. */
    USER_LORA(ApproachNames.USER_LORA, AdapterArm::new);

    /** One arm's measurement of one cell. */
    interface Arm {

        /** Builds N users' state under {@code spec.work()}, serves the request stream, and deletes what it wrote. */
        CellResult run(CellSpec spec, Templates templates);
    }

    private final String approach;
    private final Supplier<Arm> factory;

    ScaleArm(String approach, Supplier<Arm> factory) {
        this.approach = approach;
        this.factory = factory;
    }

    String approach() {
        return approach;
    }

    Arm create() {
        return factory.get();
    }
}
