/**
 * A local, stateful Databricks workspace and account for tests, benchmarks and the quickstart:
 * {@link io.databricks4j.testkit.LocalWorkspace}, its {@link io.databricks4j.testkit.FaultPlan} and
 * journal of {@link io.databricks4j.testkit.RecordedRequest}s, and the
 * {@link io.databricks4j.testkit.Emulator} process. Everything is non-null unless stated
 * otherwise.
 */
package io.databricks4j.testkit;
