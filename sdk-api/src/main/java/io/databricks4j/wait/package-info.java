/** Waiting for long-running operations: {@link io.databricks4j.wait.Wait}. */
package io.databricks4j.wait;
