package io.databricks4j.auth.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.CredentialUnavailableException;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.azure.internal.AzureCredentials;
import io.databricks4j.auth.azure.internal.AzureEndpoints;
import io.databricks4j.auth.azure.internal.AzureHeaders;
import io.databricks4j.auth.azure.internal.AzureTokenSource;
import io.databricks4j.auth.azure.internal.AzureTransport;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * {@code auth_type = azure-cli}: whoever is logged in with {@code az login}. Because "installed and
 * logged in" can only be learnt by asking, {@link #configure} runs {@code az} once: when the CLI is
 * missing or nobody is logged in the strategy does not apply; any other failure is an error. The
 * service management token is sent when the CLI can produce one (service principals logged in
 * with {@code az login --service-principal}), and left out otherwise.
 */
public final class AzureCliStrategy extends AzureStrategy {
  private static final System.Logger LOG = System.getLogger(AzureCliStrategy.class.getName());

  public AzureCliStrategy() {
    this(AzureTransport.defaults());
  }

  AzureCliStrategy(AzureTransport transport) {
    super(AzureCredentials.CLI, 72, "needs an Azure host or azure_workspace_resource_id, and the Azure CLI (az) on"
        + " the PATH, logged in", transport);
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    if (!AzureCredentials.isAzure(config)) {
      return Optional.empty();
    }
    TokenCredential credential = AzureCredentials.cli(config, transport);
    AzureEndpoints endpoints = AzureEndpoints.of(config);
    CachedToken databricks = AzureTokenSource.cached(authType(), credential, endpoints.databricksScope());
    try {
      databricks.token();
    } catch (CredentialsException e) {
      if (unavailable(e)) {
        LOG.log(Level.DEBUG, "azure-cli does not apply: {0}", e.getMessage());
        return Optional.empty();
      }
      throw e;
    }
    CachedToken management = AzureTokenSource.cached(authType(), credential, endpoints.serviceManagementScope());
    try {
      management.token();
    } catch (CredentialsException e) {
      LOG.log(Level.DEBUG, "azure-cli: not sending the service management token: {0}", e.getMessage());
      management = null;
    }
    return Optional.of(new AzureHeaders(authType(), databricks, management,
        AzureCredentials.resourceId(config).orElse(null)));
  }

  /** The CLI is not installed or not logged in: Azure Identity says so with its own exception. */
  private static boolean unavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CredentialUnavailableException) {
        return true;
      }
    }
    return false;
  }
}
