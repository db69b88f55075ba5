/**
 * The JUnit 5 extension of the local workspace: one {@link io.databricks4j.testkit.LocalWorkspace}
 * per test class, fresh state per test method unless told otherwise, clients and the host and
 * token injected, and fault plans by annotation.
 */
package io.databricks4j.testkit.junit;
