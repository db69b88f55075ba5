/**
 * The credential plug-in contract. A {@link io.databricks4j.auth.CredentialsStrategy} is found by
 * {@link java.util.ServiceLoader}; it looks at the resolved {@link io.databricks4j.auth.ConfigView}
 * and, when it applies, returns a {@link io.databricks4j.auth.HeaderFactory}. Everything is
 * non-null unless stated otherwise.
 */
package io.databricks4j.auth;
