/** The JUnit 5 extension that gives each test class a {@link io.databricks4j.testkit.LocalWorkspace}. */
package io.databricks4j.testkit.junit;
