package io.databricks4j.auth.azure.internal;

import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import java.util.Locale;

/**
 * The Azure clouds Databricks runs in, with the login (authority), Resource Manager and service
 * management endpoints of each. Chosen by {@code azure_environment}, else by the workspace's DNS
 * suffix, else {@link #PUBLIC}.
 */
public enum AzureEnvironment {
  PUBLIC("https://login.microsoftonline.com", "https://management.azure.com",
      "https://management.core.windows.net/"),
  USGOVERNMENT("https://login.microsoftonline.us", "https://management.usgovcloudapi.net",
      "https://management.core.usgovcloudapi.net/"),
  CHINA("https://login.chinacloudapi.cn", "https://management.chinacloudapi.cn",
      "https://management.core.chinacloudapi.cn/");

  /** The AzureDatabricks first-party application: the resource every workspace token is for. */
  public static final String DATABRICKS_RESOURCE_ID = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";

  private final String authorityHost;
  private final String resourceManagerEndpoint;
  private final String serviceManagementEndpoint;

  AzureEnvironment(String authorityHost, String resourceManagerEndpoint, String serviceManagementEndpoint) {
    this.authorityHost = authorityHost;
    this.resourceManagerEndpoint = resourceManagerEndpoint;
    this.serviceManagementEndpoint = serviceManagementEndpoint;
  }

  /** The environment of {@code config}. */
  public static AzureEnvironment of(ConfigView config) {
    String name = config.attribute("azure_environment").orElse(null);
    if (name != null) {
      return named(name);
    }
    String host = config.host().orElse("").toLowerCase(Locale.ROOT);
    if (host.contains(".databricks.azure.us")) {
      return USGOVERNMENT;
    }
    if (host.contains(".databricks.azure.cn")) {
      return CHINA;
    }
    return PUBLIC;
  }

  /** Parses {@code azure_environment}: case-insensitive, the legacy ARM names accepted too. */
  public static AzureEnvironment named(String name) {
    switch (name.trim().toUpperCase(Locale.ROOT)) {
      case "PUBLIC":
      case "AZUREPUBLICCLOUD":
        return PUBLIC;
      case "USGOVERNMENT":
      case "AZUREUSGOVERNMENT":
      case "AZUREUSGOVERNMENTCLOUD":
        return USGOVERNMENT;
      case "CHINA":
      case "AZURECHINACLOUD":
        return CHINA;
      default:
        throw new CredentialsException("azure_environment=" + name
            + " is not an Azure cloud Databricks runs in: use PUBLIC, USGOVERNMENT or CHINA");
    }
  }

  /** The Microsoft Entra ID login host, for example {@code https://login.microsoftonline.com}. */
  public String authorityHost() {
    return authorityHost;
  }

  /** The Azure Resource Manager endpoint, without a trailing slash. */
  public String resourceManagerEndpoint() {
    return resourceManagerEndpoint;
  }

  /** The classic service management resource, whose token service principals also send. */
  public String serviceManagementEndpoint() {
    return serviceManagementEndpoint;
  }

  /** The scope of a Databricks workspace token. */
  public String databricksScope() {
    return DATABRICKS_RESOURCE_ID + "/.default";
  }

  /**
   * The scope of the {@code X-Databricks-Azure-SP-Management-Token}. The resource keeps its
   * trailing slash ({@code //.default}), so the token's audience is the classic
   * {@code https://management.core.windows.net/} that Databricks checks.
   */
  public String serviceManagementScope() {
    return serviceManagementEndpoint + "/.default";
  }

  /** The scope of an Azure Resource Manager token (resource {@code https://management.azure.com/}). */
  public String resourceManagerScope() {
    return resourceManagerEndpoint + "//.default";
  }
}
