/**
 * The memory layer: per-user preference memory that is stored, retrieved at query time and
 * injected into the context, leaving the model unchanged. Usable on its own, without the harness.
 */
package org.adaptbench.personalization;
