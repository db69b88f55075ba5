package io.databricks4j.auth.azure;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.HostResolver;
import java.util.Optional;

/** Finds the workspace URL of {@code azure_workspace_resource_id} through Azure Resource Manager. */
public final class AzureHostResolver implements HostResolver {

  @Override
  public String name() {
    return "azure-resource-manager";
  }

  @Override
  public Optional<String> resolveHost(ConfigView config) {
    if (config.attribute("azure_workspace_resource_id").isEmpty()) {
      return Optional.empty();
    }
    return AzureWorkspaceHost.resolve(config);
  }
}
