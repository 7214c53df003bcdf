/**
 * Reading and writing data files: JSON input and typed field access that fail with a {@link
 * org.adaptbench.datasets.io.DatasetFormatException} naming file, line and field; content hashes; folders written
 * atomically.
 *
 * <p>A leaf: uses no other package of the module.
 */
package org.adaptbench.datasets.io;
