/**
 * Memory upkeep: near-duplicate consolidation, expiry and a per-user cap.
 */
package org.adaptbench.personalization.lifecycle;
