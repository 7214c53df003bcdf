/**
 * The memory layer: per-user preference memory that is stored, retrieved at query time and
 * injected into the context, leaving the model unchanged. Usable on its own, without the harness.
 *
 * <p>The facade ({@link org.adaptbench.personalization.PersonalMemory} and its result values) at the top of the
 * module: it may use every subpackage, and no subpackage uses it.
 */
package org.adaptbench.personalization;
