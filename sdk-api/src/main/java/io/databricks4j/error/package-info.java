/**
 * Errors: one unchecked root, {@link io.databricks4j.error.DatabricksException}; what the service
 * said is a {@link io.databricks4j.error.DatabricksError}, with one subclass per HTTP status and
 * per well-known {@code error_code}.
 */
package io.databricks4j.error;
