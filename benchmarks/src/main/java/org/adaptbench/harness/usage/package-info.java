/**
 * Bad usage and bad input: the exception the CLI turns into exit code 2, and the check that an
 * output path can be written. Uses only the file checks of {@code reports}.
 */
package org.adaptbench.harness.usage;
