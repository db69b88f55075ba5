package io.databricks4j.auth.azure;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.azure.internal.AzureWorkspaceLookup;
import java.util.Optional;

/**
 * Finds the Microsoft Entra ID tenant of an Azure workspace: {@code azure_tenant_id} when set, else
 * the tenant in the login redirect of {@code GET <host>/aad/auth}. The {@code azure-client-secret}
 * strategy calls it itself; config resolution may call it to back-fill {@code azure_tenant_id}.
 *
 * <p>The request goes through {@link ConfigView#http()} with a short bound of its own (connect
 * within 1.5 s, the whole request within 2.5 s), so an offline machine, a refused connection or a
 * blackholed route fails in under 3 s. A tenant found is remembered per host for the life of the
 * JVM; a failure is not, and is tried again next time. Setting {@code azure_tenant_id} avoids the
 * request altogether.
 */
public final class AzureTenantId {
  private AzureTenantId() {}

  /**
   * The tenant, or empty when the host is not an Azure workspace or gives none away.
   *
   * @throws io.databricks4j.auth.CredentialsException when the host cannot be reached: the message
   *     names the endpoint and says to set {@code azure_tenant_id}
   */
  public static Optional<String> discover(ConfigView config) {
    return AzureWorkspaceLookup.discoverTenant(config);
  }
}
