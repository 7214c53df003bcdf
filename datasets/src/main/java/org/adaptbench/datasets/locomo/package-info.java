/**
 * LoCoMo (Maharana et al., ACL 2024; read from {@code shared/datasets/locomo}): very long two-person
 * conversations in the {@code locomo10.json} layout, each a user whose QA items are retrieval and
 * question-answering queries with their gold evidence turns.
 *
 * <p>May use {@code io} and {@code model}.
 */
package org.adaptbench.datasets.locomo;
