package io.databricks4j.auth.azure.internal;

import io.databricks4j.auth.AzureEnvironment;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import java.util.Locale;

/**
 * The endpoints and token scopes of one {@link AzureEnvironment}, in the forms Azure Identity and
 * Resource Manager take. The environment is the one {@code azure_environment} names, else the one
 * of the workspace's DNS suffix, else {@link AzureEnvironment#PUBLIC}.
 */
public final class AzureEndpoints {
  private final AzureEnvironment environment;

  private AzureEndpoints(AzureEnvironment environment) {
    this.environment = environment;
  }

  public static AzureEndpoints of(AzureEnvironment environment) {
    return new AzureEndpoints(environment);
  }

  /** The endpoints of {@code config}; an {@code azure_environment} that names no cloud is an error. */
  public static AzureEndpoints of(ConfigView config) {
    String name = config.attribute("azure_environment").orElse(null);
    if (name != null) {
      return of(AzureEnvironment.parse(name).orElseThrow(() -> new CredentialsException("azure_environment=" + name
          + " is not an Azure cloud Databricks runs in: use PUBLIC, USGOVERNMENT or CHINA")));
    }
    String host = config.host().orElse("").toLowerCase(Locale.ROOT);
    if (host.contains(".databricks.azure.us")) {
      return of(AzureEnvironment.USGOVERNMENT);
    }
    if (host.contains(".databricks.azure.cn")) {
      return of(AzureEnvironment.CHINA);
    }
    return of(AzureEnvironment.PUBLIC);
  }

  public AzureEnvironment environment() {
    return environment;
  }

  /** The Microsoft Entra ID login host, for example {@code https://login.microsoftonline.com}. */
  public String authorityHost() {
    return withoutTrailingSlash(environment.activeDirectoryEndpoint());
  }

  /** The Azure Resource Manager endpoint, without a trailing slash: resource ids start with one. */
  public String resourceManagerEndpoint() {
    return withoutTrailingSlash(environment.resourceManagerEndpoint());
  }

  /** The scope of a Databricks workspace token. */
  public String databricksScope() {
    return AzureEnvironment.DATABRICKS_RESOURCE_ID + "/.default";
  }

  /**
   * The scope of the {@code X-Databricks-Azure-SP-Management-Token}. The resource keeps its
   * trailing slash ({@code //.default}), so the token's audience is the classic
   * {@code https://management.core.windows.net/} that Databricks checks.
   */
  public String serviceManagementScope() {
    return environment.serviceManagementEndpoint() + "/.default";
  }

  /** The scope of an Azure Resource Manager token (resource {@code https://management.azure.com/}). */
  public String resourceManagerScope() {
    return resourceManagerEndpoint() + "//.default";
  }

  private static String withoutTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
