/**
 * Implementation of the OAuth credential strategies. Not exported by the module: the strategies
 * are found through {@link java.util.ServiceLoader}, the web-application API is in
 * {@code io.databricks4j.auth.oauth}. Everything is non-null unless stated otherwise.
 */
package io.databricks4j.auth.oauth.internal;
