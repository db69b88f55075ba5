/**
 * Azure credential strategies on Azure Identity: {@code azure-msi}, {@code azure-client-secret} and
 * {@code azure-cli}, plus {@link io.databricks4j.auth.azure.AzureWorkspaceHost} and
 * {@link io.databricks4j.auth.azure.AzureTenantId} for config resolution. Every token goes through
 * {@link io.databricks4j.auth.CachedToken}. Everything is non-null unless stated otherwise.
 */
package io.databricks4j.auth.azure;
