/**
 * The approach contract every way of personalizing implements: {@code Approach}, what it costs
 * ({@code Effort}, {@code Response}), the capabilities it declares, the small role interfaces
 * scenarios talk to it through, and the {@code ApproachContext} factories build it from. Uses the
 * bench, the workload and the model; knows no implementation.
 */
package org.adaptbench.harness.approach;
