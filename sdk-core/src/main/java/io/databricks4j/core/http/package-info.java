/**
 * The HTTP pipeline every call goes through: {@link io.databricks4j.core.http.HttpPipeline} adds
 * authentication and user-agent headers, logs, sends with Apache HttpClient 5, retries, and turns
 * failures into {@link io.databricks4j.error.DatabricksError}s. Requests and responses are
 * {@link io.databricks4j.http.HttpRequest}, {@link io.databricks4j.http.RequestBody} and
 * {@link io.databricks4j.http.HttpResponse}. Everything is non-null unless stated otherwise.
 */
package io.databricks4j.core.http;
