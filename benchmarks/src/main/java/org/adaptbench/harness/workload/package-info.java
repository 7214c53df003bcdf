/**
 * Workloads: each data set as a run uses it (evaluated users, training prefixes, domain users,
 * probes), the pre-training data, and facts about queries. Uses the configuration and {@code
 * datasets}.
 */
package org.adaptbench.harness.workload;
