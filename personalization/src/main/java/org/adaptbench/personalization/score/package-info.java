/**
 * The composite retrieval score (similarity, recency, ACT-R activation, confidence), documented in {@link org.adaptbench.personalization.score.ScoreWeights}.
 *
 * <p>May use {@code store} (it scores stored memories).
 */
package org.adaptbench.personalization.score;
