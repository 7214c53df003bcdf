/**
 * The composite retrieval score (similarity, recency, ACT-R activation, confidence), documented in {@link org.adaptbench.personalization.score.ScoreWeights}.
 */
package org.adaptbench.personalization.score;
