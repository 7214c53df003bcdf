/**
 * Bad usage and bad input: the exception the CLI turns into exit code 2. A leaf: uses nothing.
 */
package org.adaptbench.harness.usage;
