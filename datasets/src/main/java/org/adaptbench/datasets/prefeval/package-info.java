/**
 * PrefEval (CC BY-NC 4.0, read from {@code shared/datasets/prefeval}): its three preference forms, the seeded
 * option shuffle and item sampling, and the filler conversations that lengthen a history.
 *
 * <p>May use {@code io}, {@code model} and {@code seed}.
 */
package org.adaptbench.datasets.prefeval;
