/**
 * Waiting for long-running operations: {@link io.databricks4j.core.wait.Waiter} polls until a
 * target state, {@link io.databricks4j.wait.LongRunning} pairs the first response with its
 * {@link io.databricks4j.wait.Wait}. Everything is non-null unless stated otherwise.
 */
package io.databricks4j.core.wait;
