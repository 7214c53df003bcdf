package org.adaptbench.finetune.train;

import java.util.Objects;
import org.adaptbench.finetune.lora.LoraAdapter;

/**
 * An adapter and the run that produced it.
 *
 * @param adapter the trained adapter
 * @param report cost and loss of the run
 */
public record TrainedAdapter(LoraAdapter adapter, TrainingReport report) {

    public TrainedAdapter {
        Objects.requireNonNull(adapter, "adapter");
        Objects.requireNonNull(report, "report");
    }
}
