/**
 * The run configuration: the bundled {@code suites.json} defaults, suite overrides and {@code
 * --set} values resolved into one JSON tree, and its typed view {@code RunConfig}, whose sections
 * check every value's allowed range ({@code Allowed}) when they are bound. Uses the usage errors,
 * PrefEval's form names and the base model's shape (for the largest adapter rank).
 */
package org.adaptbench.harness.config;
