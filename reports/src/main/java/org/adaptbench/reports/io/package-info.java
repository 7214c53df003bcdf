/**
 * Writing files atomically, so a reader sees the old content or the whole new content, never a part.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.reports.io;
