package io.databricks4j.auth.azure;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.azure.internal.AzureTransport;
import io.databricks4j.auth.azure.internal.AzureWorkspaceLookup;
import java.util.Optional;

/**
 * Finds the Microsoft Entra ID tenant of an Azure workspace: {@code azure_tenant_id} when set, else
 * the tenant in the login redirect of {@code GET <host>/aad/auth}. The {@code azure-client-secret}
 * strategy calls it itself; config resolution may call it to back-fill {@code azure_tenant_id}.
 */
public final class AzureTenantId {
  private AzureTenantId() {}

  /**
   * The tenant, or empty when the host is not an Azure workspace or gives none away.
   *
   * @throws io.databricks4j.auth.CredentialsException when the host cannot be reached
   */
  public static Optional<String> discover(ConfigView config) {
    return discover(config, AzureTransport.defaults());
  }

  static Optional<String> discover(ConfigView config, AzureTransport transport) {
    return AzureWorkspaceLookup.discoverTenant(config, transport);
  }
}
