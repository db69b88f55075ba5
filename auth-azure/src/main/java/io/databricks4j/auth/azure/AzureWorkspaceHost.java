package io.databricks4j.auth.azure;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.azure.internal.AzureWorkspaceLookup;
import java.util.Optional;

/**
 * Resolves the host of an Azure workspace known only by {@code azure_workspace_resource_id}, for
 * config resolution to call before credentials are chosen.
 *
 * <p>It reads {@code GET <Resource Manager>/<resource id>?api-version=2018-04-01} and returns
 * {@code properties.workspaceUrl} (with {@code https://} prepended when it has no scheme). The
 * Resource Manager token comes from the Azure credential the configuration asks for: the one of an
 * {@code azure-*} {@code auth_type}, else managed identity when {@code azure_use_msi} is set, else
 * the client secret when {@code azure_client_id} and {@code azure_client_secret} are set (it then
 * needs {@code azure_tenant_id}), else the Azure CLI. {@code azure_environment} picks the endpoint.
 *
 * <p>The Resource Manager request, and the service principal's token request, go through
 * {@link ConfigView#http()} with a short bound of their own (connect within 1.5 s, each request within
 * 2.5 s), so an unreachable endpoint fails quickly; setting {@code host} avoids the look-up.
 */
public final class AzureWorkspaceHost {
  private AzureWorkspaceHost() {}

  /**
   * The workspace URL when {@code host} is not set and {@code azure_workspace_resource_id} is;
   * empty otherwise (nothing to resolve).
   *
   * @throws io.databricks4j.auth.CredentialsException when no token can be had or Resource Manager
   *     refuses; a refusal carries the {@link io.databricks4j.error.DatabricksError} (for example
   *     {@link io.databricks4j.error.NotFound}) as its cause
   */
  public static Optional<String> resolve(ConfigView config) {
    return AzureWorkspaceLookup.resolveHost(config);
  }
}
