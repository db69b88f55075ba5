/**
 * When and how long to wait before retrying a request: {@link io.databricks4j.core.retry.RetryClassifier}
 * decides what is safe to retry, {@link io.databricks4j.core.retry.Backoff} how long to wait, and
 * {@link io.databricks4j.core.retry.Sleeper} waits (a seam, so tests never sleep). Everything is
 * non-null unless stated otherwise.
 */
package io.databricks4j.core.retry;
