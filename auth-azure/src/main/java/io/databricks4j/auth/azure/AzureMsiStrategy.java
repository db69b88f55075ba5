package io.databricks4j.auth.azure;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.azure.internal.AzureCredentials;
import io.databricks4j.auth.azure.internal.AzureHeaders;
import io.databricks4j.auth.azure.internal.AzureTransport;
import java.util.Optional;

/**
 * {@code auth_type = azure-msi}: the managed identity of the Azure VM, App Service, function or
 * pod ({@code azure_use_msi = true}; {@code azure_client_id} picks a user-assigned identity).
 * Sends the Databricks token, the service management token and, when set, the workspace resource id.
 */
public final class AzureMsiStrategy extends AzureStrategy {

  public AzureMsiStrategy() {
    this(AzureTransport.defaults());
  }

  AzureMsiStrategy(AzureTransport transport) {
    super(AzureCredentials.MSI, 70, "needs azure_use_msi = true with an Azure host or azure_workspace_resource_id",
        transport);
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    if (!config.flag("azure_use_msi") || !AzureCredentials.isAzure(config)) {
      return Optional.empty();
    }
    return Optional.of(AzureHeaders.of(authType(), AzureCredentials.managedIdentity(config, transport), config));
  }
}
