package io.databricks4j.account;

import io.databricks4j.WorkspaceClient;
import io.databricks4j.core.ApiClient;
import io.databricks4j.core.ClientBuilder;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.error.ConfigException;
import io.databricks4j.service.provisioning.AzureWorkspaceInfo;
import io.databricks4j.service.provisioning.Workspace;
import java.util.Map;
import java.util.Optional;

/**
 * The entry point to a Databricks account ({@code https://accounts.cloud.databricks.com} and its
 * Azure, GCP and GovCloud siblings): one accessor per account service, each made on first use.
 * Creating one makes no network call. Close it to release its connection pool. {@link
 * #workspaceClient} reaches a workspace of the account, over the same pool, when
 * services-workspace-client is present.
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
   * A client of one workspace of this account, with the same credentials and HTTP options; see
   * {@link #workspaceConfig} for its host. It shares this client's transport and connection pool
   * ({@link ApiClient#derive}); close it after use, before or after this client: the pool closes
   * with the last of them.
   * Needs {@code io.databricks4j:services-workspace-client} (and the {@code service-*} modules of
   * the services called) on the class path.
   *
   * @throws ConfigException when the host cannot be derived, or when services-workspace-client is missing
   */
  public WorkspaceClient workspaceClient(Workspace workspace) {
    DatabricksConfig config = workspaceConfig(workspace);
    try {
      Class.forName("io.databricks4j.WorkspaceClient", false, AccountClient.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ConfigException("workspaceClient needs the module io.databricks4j:services-workspace-client (version from"
          + " io.databricks4j:databricks4j-bom) and the service-* modules of the services you call; add them, or build a"
          + " client yourself: new WorkspaceClient(account.workspaceConfig(workspace))", e);
    }
    return new WorkspaceClient(api.derive(config), Map.of());
  }

  /**
   * The configuration of a client of one workspace of this account: this client's (credentials,
   * HTTP options, the environment it read) with {@code workspace_id} set and the workspace's host.
   * Behind an accounts console ({@code https://accounts.cloud.databricks.com}, its GovCloud, DoD,
   * GCP and Azure siblings) that host is {@code https://<deployment_name>.<zone>}, the zone of
   * Azure's US Government and China clouds following {@code azure_environment}. Any other account
   * host (localhost, an IP address, a private or unified host) is kept, scheme and port included:
   * it serves the workspace, which each request names with {@code X-Databricks-Workspace-Id}.
   * The account id stays: it does not make a workspace host an account client.
   *
   * @throws ConfigException when the workspace has no id, or no deployment name behind a console
   */
  public DatabricksConfig workspaceConfig(Workspace workspace) {
    if (workspace.workspaceId() == null) {
      throw new ConfigException("the workspace has no workspace_id: get it with workspaces().get(id) or workspaces().list()");
    }
    DatabricksConfig c = config();
    Optional<String> host = WorkspaceHosts.of(c, workspace);
    DatabricksConfig.Builder b = c.toBuilder().workspaceId(Long.toString(workspace.workspaceId()));
    if (host.isPresent()) {
      b.host(host.get());
      AzureWorkspaceInfo azure = workspace.azureWorkspaceInfo();
      if (WorkspaceHosts.isAzure(c) && azure != null && azure.subscriptionId() != null && azure.resourceGroup() != null
          && workspace.workspaceName() != null) {
        b.azureWorkspaceResourceId("/subscriptions/" + azure.subscriptionId() + "/resourceGroups/" + azure.resourceGroup()
            + "/providers/Microsoft.Databricks/workspaces/" + workspace.workspaceName());
      }
    }
    return b.build();
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
