/**
 * HTTP as databricks4j sees it, independent of any HTTP library: immutable
 * {@link io.databricks4j.http.HttpRequest}s with a {@link io.databricks4j.http.RequestBody}, and
 * {@link io.databricks4j.http.HttpResponse}s whose body streams from the connection. Everything is
 * non-null unless stated otherwise.
 */
package io.databricks4j.http;
