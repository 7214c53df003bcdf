/**
 * Per-user memory stores: the {@link org.adaptbench.personalization.store.MemoryStore} contract, an in-RAM and a SQLite backend, hard delete and the audit trail.
 *
 * <p>May use {@code embed} (vector arithmetic for dense search).
 */
package org.adaptbench.personalization.store;
