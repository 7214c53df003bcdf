package org.adaptbench.finetune.adapter;

/**
 * What unmerging did, and the fp32 round-trip error of merge followed by subtraction (measured
 * in both modes; with {@link UnmergeMode#RESTORE} the weights are then restored exactly).
 *
 * @param adapter the adapter taken out
 * @param mode how it was taken out
 * @param wallNanos time taken
 * @param maxAbsError largest |W_after_subtract − W_before_merge| over the adapted weights
 * @param meanAbsError mean of the same over the adapted weights
 */
public record UnmergeReport(String adapter, UnmergeMode mode, long wallNanos, double maxAbsError, double meanAbsError) {

    /** True when the base weights are now bit-for-bit those before the merge. */
    public boolean exact() {
        return mode == UnmergeMode.RESTORE || maxAbsError == 0;
    }
}
