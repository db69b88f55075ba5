/**
 * Google credential strategies on the Google Auth Library: {@code google-credentials} (a service
 * account key) and {@code google-id} (impersonation through application default credentials).
 * Every token goes through {@link io.databricks4j.auth.CachedToken}. Everything is non-null unless
 * stated otherwise.
 */
package io.databricks4j.auth.gcp;
