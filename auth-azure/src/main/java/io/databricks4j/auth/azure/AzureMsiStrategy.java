package io.databricks4j.auth.azure;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.azure.internal.AzureCredentials;
import io.databricks4j.auth.azure.internal.AzureHeaders;
import java.util.Optional;

/**
 * {@code auth_type = azure-msi}: the managed identity of the Azure VM, App Service, function or
 * pod ({@code azure_use_msi = true}; {@code azure_client_id} picks a user-assigned identity).
 * Sends the Databricks token, the service management token and, when set, the workspace resource id.
 *
 * <p>Requests to the managed identity endpoint go through {@link ConfigView#http()} with bounds of
 * their own: connect within 1 s, each request within 10 s. MSAL, which Azure Identity runs, repeats
 * some answers of the endpoint (404, 410, 429, 5xx) on its own schedule above that.
 */
public final class AzureMsiStrategy extends AzureStrategy {

  public AzureMsiStrategy() {
    super(AzureCredentials.MSI, 70, "needs azure_use_msi = true with an Azure host or azure_workspace_resource_id");
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    if (!config.flag("azure_use_msi") || !AzureCredentials.isAzure(config)) {
      return Optional.empty();
    }
    return Optional.of(AzureHeaders.of(authType(), AzureCredentials.managedIdentity(config), config));
  }
}
