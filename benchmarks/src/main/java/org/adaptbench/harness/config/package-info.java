/**
 * The run configuration: the bundled {@code suites.json} defaults, suite overrides and {@code
 * --set} values resolved into one JSON tree, and its typed view {@code RunConfig}. Uses only the
 * usage errors.
 */
package org.adaptbench.harness.config;
