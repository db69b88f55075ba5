package io.databricks4j.auth.azure;

import com.azure.core.credential.TokenCredential;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.azure.internal.AzureCredentials;
import io.databricks4j.auth.azure.internal.AzureEnvironment;
import io.databricks4j.auth.azure.internal.AzureHeaders;
import io.databricks4j.auth.azure.internal.AzureTokenSource;
import io.databricks4j.auth.azure.internal.AzureTransport;
import io.databricks4j.auth.azure.internal.AzureWorkspaceLookup;
import java.util.Optional;

/**
 * {@code auth_type = azure-client-secret}: a Microsoft Entra ID service principal with a client
 * secret ({@code azure_client_id}, {@code azure_client_secret}, {@code azure_tenant_id}; the tenant
 * is discovered from the workspace when not set). Sends the Databricks token, the service
 * management token and, when set, the workspace resource id.
 */
public final class AzureClientSecretStrategy implements CredentialsStrategy {
  private final AzureTransport transport;

  public AzureClientSecretStrategy() {
    this(AzureTransport.defaults());
  }

  AzureClientSecretStrategy(AzureTransport transport) {
    this.transport = transport;
  }

  @Override
  public String authType() {
    return AzureCredentials.CLIENT_SECRET;
  }

  @Override
  public int priority() {
    return 71;
  }

  @Override
  public String requirement() {
    return "needs azure_client_id and azure_client_secret with an Azure host or azure_workspace_resource_id"
        + " (azure_tenant_id is discovered from the host when not set)";
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    if (!AzureCredentials.isAzure(config) || config.attribute("azure_client_id").isEmpty()
        || config.attribute("azure_client_secret").isEmpty()) {
      return Optional.empty();
    }
    String tenant = AzureWorkspaceLookup.discoverTenant(config, transport)
        .orElseThrow(() -> new CredentialsException(authType() + ": azure_tenant_id is not set and "
            + config.host().map(h -> "could not be discovered from " + h + "/aad/auth").orElse("there is no host to discover it from")
            + ": set azure_tenant_id"));
    TokenCredential credential = AzureCredentials.clientSecret(config, transport, tenant);
    AzureEnvironment env = AzureEnvironment.of(config);
    CachedToken databricks = CachedToken.of(authType(), new AzureTokenSource(authType(), credential, env.databricksScope()));
    CachedToken management =
        CachedToken.of(authType(), new AzureTokenSource(authType(), credential, env.serviceManagementScope()));
    return Optional.of(new AzureHeaders(authType(), databricks, management,
        AzureCredentials.resourceId(config).orElse(null)));
  }
}
