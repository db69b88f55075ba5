package io.databricks4j.account;

import io.databricks4j.auth.AzureEnvironment;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.error.ConfigException;
import io.databricks4j.service.provisioning.Workspace;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a workspace of an account answers, given the account's host.
 *
 * <ul>
 *   <li>An accounts console ({@code accounts.<zone>} or {@code accounts-dod.<zone>}): the
 *       workspace is {@code <deployment_name><zone>}, with the scheme and port of the account host.
 *       This covers AWS ({@code .cloud.databricks.com}), GovCloud ({@code .cloud.databricks.us}),
 *       DoD ({@code .cloud.databricks.mil}), GCP ({@code .gcp.databricks.com}) and Azure, whose
 *       sovereign clouds put workspaces in another zone than the console: {@code
 *       .databricks.azure.us} and {@code .databricks.azure.cn}, chosen by {@code azure_environment}
 *       when set, else by the console's own domain.</li>
 *   <li>Any other host (localhost, an IP address, a private name, a unified host): the account host
 *       itself serves the workspace, which requests name with {@code X-Databricks-Workspace-Id}.</li>
 * </ul>
 */
final class WorkspaceHosts {
  private WorkspaceHosts() {}

  /**
   * The base URL of {@code workspace}, or empty when the account host itself serves it.
   *
   * @throws ConfigException when a console host needs the workspace's deployment name and it has none,
   *     or when {@code azure_environment} is not an Azure cloud
   */
  static Optional<String> of(DatabricksConfig account, Workspace workspace) {
    String accountHost = account.host().orElseThrow(() -> new ConfigException(
        "the account client has no host: set host (for example https://accounts.cloud.databricks.com)"));
    URI uri = URI.create(accountHost);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int dot = host.indexOf('.');
    String label = dot < 0 ? host : host.substring(0, dot);
    if (!label.equals("accounts") && !label.equals("accounts-dod")) {
      return Optional.empty();
    }
    String deployment = workspace.deploymentName();
    if (deployment == null || deployment.isBlank()) {
      throw new ConfigException("workspace " + workspace.workspaceId() + " has no deployment_name, which names its host"
          + " under " + accountHost + ": get the workspace with workspaces().get(id) and pass that");
    }
    String zone = zone(host.substring(dot), account);
    return Optional.of(uri.getScheme() + "://" + deployment.strip().toLowerCase(Locale.ROOT) + zone
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
  }

  /** Whether the workspace runs on Azure: the account's cloud (an Azure console host counts). */
  static boolean isAzure(DatabricksConfig account) {
    return account.isAzure();
  }

  /** The workspaces' DNS zone under a console whose host ends with {@code domain}. */
  private static String zone(String domain, DatabricksConfig account) {
    Optional<AzureEnvironment> byDomain = azureOfDomain(domain);
    Optional<String> setting = account.attribute("azure_environment");
    if (byDomain.isEmpty()) {
      return domain;
    }
    AzureEnvironment cloud = setting.isPresent()
        ? AzureEnvironment.parse(setting.get()).orElseThrow(() -> new ConfigException("azure_environment \""
            + setting.get() + "\" is not an Azure cloud: use PUBLIC, USGOVERNMENT or CHINA"))
        : byDomain.orElse(AzureEnvironment.PUBLIC);
    switch (cloud) {
      case USGOVERNMENT:
        return ".databricks.azure.us";
      case CHINA:
        return ".databricks.azure.cn";
      default:
        // the dev and staging consoles keep their own zone
        return domain.endsWith(".azuredatabricks.net") ? domain : ".azuredatabricks.net";
    }
  }

  private static Optional<AzureEnvironment> azureOfDomain(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    if (d.endsWith(".azuredatabricks.net")) {
      return Optional.of(AzureEnvironment.PUBLIC);
    }
    if (d.endsWith(".azuredatabricks.us") || d.endsWith(".databricks.azure.us")) {
      return Optional.of(AzureEnvironment.USGOVERNMENT);
    }
    if (d.endsWith(".azuredatabricks.cn") || d.endsWith(".databricks.azure.cn")) {
      return Optional.of(AzureEnvironment.CHINA);
    }
    return Optional.empty();
  }
}
