/**
 * The JSONL layout ({@code turns.jsonl}, {@code queries.jsonl}, optional {@code users.jsonl} and {@code manifest.json}):
 * its reader, with line-and-field errors, and its atomic writer; shared by the generic import and the written synthetic
 * world.
 *
 * <p>May use {@code io} and {@code model}.
 */
package org.adaptbench.datasets.jsonl;
