/**
 * The one reading of a conversation both sides share: the preference extractor and slot catalogue
 * built from the workload, and the memory layer's view of a data set's turns. Uses the bench, the
 * workload and {@code personalization}.
 */
package org.adaptbench.harness.extraction;
