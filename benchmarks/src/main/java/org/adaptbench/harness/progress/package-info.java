/**
 * Progress of long steps on the console or in logs. Uses nothing of the harness.
 */
package org.adaptbench.harness.progress;
