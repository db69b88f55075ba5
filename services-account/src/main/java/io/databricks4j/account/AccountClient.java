package io.databricks4j.account;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.auth.Cloud;
import io.databricks4j.core.ApiClient;
import io.databricks4j.core.ClientBuilder;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.error.ConfigException;
import io.databricks4j.service.provisioning.Workspace;
import java.util.Map;

/**
 * The entry point to a Databricks account ({@code https://accounts.cloud.databricks.com} and its
 * Azure, GCP and GovCloud siblings): one accessor per account service, each made on first use.
 * Creating one makes no network call. Close it to release its connection pool.
 */
public class AccountClient extends AccountServices implements AutoCloseable {
  private final ApiClient api;

  public AccountClient(DatabricksConfig config) {
    this(ApiClient.create(config), Map.of());
  }

  /** A client over an existing {@link ApiClient}, with services replaced by {@code overrides} (mocks). */
  public AccountClient(ApiClient api, Map<Class<?>, Object> overrides) {
    super(api, overrides);
    ClientBuilder.checkOverrides(getClass(), overrides);
    this.api = api;
  }

  /** A client configured from the environment and {@code ~/.databrickscfg} alone. */
  public static AccountClient create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public DatabricksConfig config() {
    return api.config();
  }

  public ApiClient apiClient() {
    return api;
  }

  /**
   * A client for one workspace of this account, with the same credentials: the host is derived
   * from the workspace's deployment name and the account host's cloud.
   *
   * @throws ConfigException when the workspace has no deployment name
   */
  public WorkspaceClient workspaceClient(Workspace workspace) {
    String deployment = workspace.deploymentName();
    if (deployment == null || deployment.isEmpty()) {
      throw new ConfigException("workspace " + workspace.workspaceId() + " has no deployment_name; get it with workspaces().get(id) first");
    }
    DatabricksConfig c = config();
    String accountHost = c.host().orElse("https://accounts.cloud.databricks.com");
    String suffix = accountHost.substring(accountHost.indexOf('.'));
    DatabricksConfig.Builder b = c.toBuilder().host("https://" + deployment + suffix).accountId(null);
    if (c.cloud() == Cloud.AZURE && workspace.azureWorkspaceInfo() != null) {
      b.azureWorkspaceResourceId("/subscriptions/" + workspace.azureWorkspaceInfo().subscriptionId()
          + "/resourceGroups/" + workspace.azureWorkspaceInfo().resourceGroup()
          + "/providers/Microsoft.Databricks/workspaces/" + workspace.workspaceName());
    }
    return new WorkspaceClient(b.build());
  }

  @Override
  public void close() {
    api.close();
  }

  @Override
  public String toString() {
    return "AccountClient{" + api + "}";
  }

  /** Builder of {@link AccountClient}: configuration values, credentials and mocked services. */
  public static final class Builder extends ClientBuilder<Builder> {
    private Builder() {}

    public AccountClient build() {
      return new AccountClient(apiClient(), overrides());
    }
  }
}
