package io.databricks4j.auth;

import java.util.Locale;
import java.util.Optional;

/** The Azure clouds Databricks runs in, with their login and management endpoints. */
public enum AzureEnvironment {
  PUBLIC("https://login.microsoftonline.com/", "https://management.core.windows.net/", "https://management.azure.com/"),
  USGOVERNMENT("https://login.microsoftonline.us/", "https://management.core.usgovcloudapi.net/", "https://management.usgovcloudapi.net/"),
  CHINA("https://login.chinacloudapi.cn/", "https://management.core.chinacloudapi.cn/", "https://management.chinacloudapi.cn/");

  /** The application id of Azure Databricks, whose {@code /.default} scope workspace tokens are for. */
  public static final String DATABRICKS_RESOURCE_ID = "2ff814a6-3304-4ab8-85cb-cd0e6f879c1d";

  private final String activeDirectoryEndpoint;
  private final String serviceManagementEndpoint;
  private final String resourceManagerEndpoint;

  AzureEnvironment(String activeDirectoryEndpoint, String serviceManagementEndpoint, String resourceManagerEndpoint) {
    this.activeDirectoryEndpoint = activeDirectoryEndpoint;
    this.serviceManagementEndpoint = serviceManagementEndpoint;
    this.resourceManagerEndpoint = resourceManagerEndpoint;
  }

  /** The login (authority) host, for example {@code https://login.microsoftonline.com/}. */
  public String activeDirectoryEndpoint() {
    return activeDirectoryEndpoint;
  }

  /** The resource whose token goes in {@code X-Databricks-Azure-SP-Management-Token}. */
  public String serviceManagementEndpoint() {
    return serviceManagementEndpoint;
  }

  /** Azure Resource Manager, used to look up a workspace URL from its resource id. */
  public String resourceManagerEndpoint() {
    return resourceManagerEndpoint;
  }

  /**
   * Parses {@code azure_environment}: {@code PUBLIC}, {@code USGOVERNMENT}, {@code CHINA} in any
   * case, or the Azure SDK names {@code AzurePublicCloud}, {@code AzureUSGovernment},
   * {@code AzureChinaCloud}. Empty for anything else.
   */
  public static Optional<AzureEnvironment> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toUpperCase(Locale.ROOT);
    if (n.startsWith("AZURE")) {
      n = n.substring(5).replace("CLOUD", "");
    }
    switch (n) {
      case "PUBLIC":
      case "":
        return Optional.of(PUBLIC);
      case "USGOVERNMENT":
        return Optional.of(USGOVERNMENT);
      case "CHINA":
        return Optional.of(CHINA);
      default:
        return Optional.empty();
    }
  }
}
