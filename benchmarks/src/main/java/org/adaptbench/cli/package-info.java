/**
 * The {@code adaptbench} command line (picocli): one class per sub-command, exit codes, and the
 * mapping of bad input to exit code 2. Uses everything below it; nothing uses it.
 */
package org.adaptbench.cli;
