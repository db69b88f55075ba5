package io.databricks4j.auth.azure;

import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.azure.internal.AzureCli;
import io.databricks4j.auth.azure.internal.AzureCredentials;
import io.databricks4j.auth.azure.internal.AzureEndpoints;
import io.databricks4j.auth.azure.internal.AzureHeaders;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code auth_type = azure-cli}: whoever is logged in with {@code az login}. Because "installed and
 * logged in" can only be learnt by asking, {@link #configure} runs {@code az} once: when the CLI is
 * missing from the PATH of the configuration's environment or nobody is logged in, the strategy
 * does not apply; any other failure is an error. The service management token is sent when the
 * CLI can produce one (service principals logged in with {@code az login --service-principal}), and
 * left out otherwise.
 *
 * <p>Each {@code az account get-access-token} may run for 15 s; after that it is stopped, with its
 * child processes, and the call fails saying so. The CLI makes its own network requests, outside
 * the SDK's pipeline.
 */
public final class AzureCliStrategy extends AzureStrategy {
  private static final System.Logger LOG = System.getLogger(AzureCliStrategy.class.getName());
  private final Duration timeout;

  public AzureCliStrategy() {
    this(AzureCli.TIMEOUT);
  }

  AzureCliStrategy(Duration timeout) {
    super(AzureCredentials.CLI, 72, "needs an Azure host or azure_workspace_resource_id, and the Azure CLI (az) on"
        + " the PATH, logged in");
    this.timeout = timeout;
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    if (!AzureCredentials.isAzure(config)) {
      return Optional.empty();
    }
    AzureCli cli = AzureCredentials.cli(config, timeout);
    AzureEndpoints endpoints = AzureEndpoints.of(config);
    String databricksScope = endpoints.databricksScope();
    CachedToken databricks = CachedToken.of(authType(), () -> cli.token(databricksScope));
    try {
      databricks.token();
    } catch (AzureCli.Unavailable e) {
      LOG.log(Level.DEBUG, "azure-cli does not apply: {0}", e.getMessage());
      return Optional.empty();
    }
    String managementScope = endpoints.serviceManagementScope();
    CachedToken management = CachedToken.of(authType(), () -> cli.token(managementScope));
    try {
      management.token();
    } catch (CredentialsException e) {
      LOG.log(Level.DEBUG, "azure-cli: not sending the service management token: {0}", e.getMessage());
      management = null;
    }
    return Optional.of(new AzureHeaders(authType(), databricks, management,
        AzureCredentials.resourceId(config).orElse(null)));
  }
}
