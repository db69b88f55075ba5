package io.databricks4j.auth.azure;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.azure.internal.AzureCredentials;
import io.databricks4j.auth.azure.internal.AzureHeaders;
import io.databricks4j.auth.azure.internal.AzureWorkspaceLookup;
import java.util.Optional;

/**
 * {@code auth_type = azure-client-secret}: a Microsoft Entra ID service principal with a client
 * secret ({@code azure_client_id}, {@code azure_client_secret}, {@code azure_tenant_id}; the tenant
 * is discovered from the workspace when not set). Sends the Databricks token, the service
 * management token and, when set, the workspace resource id. Tenant discovery has the short bound
 * described in {@link AzureTenantId}; the token requests go through {@link ConfigView#http()}.
 */
public final class AzureClientSecretStrategy extends AzureStrategy {

  public AzureClientSecretStrategy() {
    super(AzureCredentials.CLIENT_SECRET, 71, "needs azure_client_id and azure_client_secret with an Azure host or"
        + " azure_workspace_resource_id (azure_tenant_id is discovered from the host when not set)");
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    if (!AzureCredentials.isAzure(config) || config.attribute("azure_client_id").isEmpty()
        || config.attribute("azure_client_secret").isEmpty()) {
      return Optional.empty();
    }
    String tenant = AzureWorkspaceLookup.discoverTenant(config)
        .orElseThrow(() -> new CredentialsException(authType() + ": azure_tenant_id is not set and "
            + config.host().map(h -> "could not be discovered from " + h + "/aad/auth").orElse("there is no host to discover it from")
            + ": set azure_tenant_id"));
    return Optional.of(AzureHeaders.of(authType(), AzureCredentials.clientSecret(config, config.http(), tenant), config));
  }
}
