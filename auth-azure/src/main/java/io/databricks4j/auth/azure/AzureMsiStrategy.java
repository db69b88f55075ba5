package io.databricks4j.auth.azure;

import com.azure.core.credential.TokenCredential;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.azure.internal.AzureCredentials;
import io.databricks4j.auth.azure.internal.AzureEnvironment;
import io.databricks4j.auth.azure.internal.AzureHeaders;
import io.databricks4j.auth.azure.internal.AzureTokenSource;
import io.databricks4j.auth.azure.internal.AzureTransport;
import java.util.Optional;

/**
 * {@code auth_type = azure-msi}: the managed identity of the Azure VM, App Service, function or
 * pod ({@code azure_use_msi = true}; {@code azure_client_id} picks a user-assigned identity).
 * Sends the Databricks token, the service management token and, when set, the workspace resource id.
 */
public final class AzureMsiStrategy implements CredentialsStrategy {
  private final AzureTransport transport;

  public AzureMsiStrategy() {
    this(AzureTransport.defaults());
  }

  AzureMsiStrategy(AzureTransport transport) {
    this.transport = transport;
  }

  @Override
  public String authType() {
    return AzureCredentials.MSI;
  }

  @Override
  public int priority() {
    return 70;
  }

  @Override
  public String requirement() {
    return "needs azure_use_msi = true with an Azure host or azure_workspace_resource_id";
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    if (!config.flag("azure_use_msi") || !AzureCredentials.isAzure(config)) {
      return Optional.empty();
    }
    TokenCredential credential = AzureCredentials.managedIdentity(config, transport);
    AzureEnvironment env = AzureEnvironment.of(config);
    CachedToken databricks = CachedToken.of(authType(), new AzureTokenSource(authType(), credential, env.databricksScope()));
    CachedToken management =
        CachedToken.of(authType(), new AzureTokenSource(authType(), credential, env.serviceManagementScope()));
    return Optional.of(new AzureHeaders(authType(), databricks, management,
        AzureCredentials.resourceId(config).orElse(null)));
  }
}
