/**
 * Turning a failed HTTP response into the {@link io.databricks4j.error.DatabricksError} subclass
 * the status and {@code error_code} name: {@link io.databricks4j.core.error.ErrorParser} reads the
 * body (JSON, API 1.2, SCIM, HTML, plain text), {@link io.databricks4j.core.error.ErrorMapper}
 * picks the class. Everything is non-null unless stated otherwise.
 */
package io.databricks4j.core.error;
