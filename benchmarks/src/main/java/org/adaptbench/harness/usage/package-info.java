/**
 * Bad usage and bad input: the exception the CLI turns into exit code 2, and the check that an
 * output path can be written. A leaf: uses nothing.
 */
package org.adaptbench.harness.usage;
