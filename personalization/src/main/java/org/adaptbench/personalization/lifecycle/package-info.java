/**
 * Memory upkeep: near-duplicate consolidation, expiry and a per-user cap.
 *
 * <p>May use {@code score} and {@code store}.
 */
package org.adaptbench.personalization.lifecycle;
