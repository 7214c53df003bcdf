package org.adaptbench.finetune.adapter;

/**
 * What merging an adapter into the base weights cost.
 *
 * @param adapter the merged adapter
 * @param wallNanos time to compute and add the updates
 * @param snapshotBytes bytes of base weights copied aside so that unmerging can be exact
 */
public record MergeReport(String adapter, long wallNanos, long snapshotBytes) {
}
