package io.databricks4j;

import io.databricks4j.core.ApiClient;
import io.databricks4j.core.ClientBuilder;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.mixin.dbutils.DbUtils;
import io.databricks4j.service.WorkspaceServices;
import java.util.Map;

/**
 * The entry point to a Databricks workspace: one accessor per service ({@code clusters()},
 * {@code jobs()}, ...), each made on first use.
 *
 * <pre>{@code
 * WorkspaceClient w = WorkspaceClient.create();                    // args > DATABRICKS_* env > ~/.databrickscfg
 * WorkspaceClient w2 = WorkspaceClient.builder().profile("STAGING").build();
 * WorkspaceClient w3 = new WorkspaceClient(DatabricksConfig.builder().host(h).token(t).build());
 * }</pre>
 *
 * <p>Creating a client reads configuration but makes no network call and builds no service;
 * credentials are resolved on the first request. Close it to release its connection pool.
 */
public class WorkspaceClient extends WorkspaceServices implements AutoCloseable {
  private final ApiClient api;
  private volatile DbUtils dbutils;

  /** A client of {@code config}, resolved against the environment and the config file. */
  public WorkspaceClient(DatabricksConfig config) {
    this(ApiClient.create(config), Map.of());
  }

  /** A client over an existing {@link ApiClient}, with services replaced by {@code overrides} (mocks). */
  public WorkspaceClient(ApiClient api, Map<Class<?>, Object> overrides) {
    super(api, overrides);
    ClientBuilder.checkOverrides(getClass(), overrides);
    this.api = api;
  }

  /** A client configured from the environment and {@code ~/.databrickscfg} alone. */
  public static WorkspaceClient create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The resolved configuration. */
  public DatabricksConfig config() {
    return api.config();
  }

  /** The HTTP client underneath, for calls the services do not cover. */
  public ApiClient apiClient() {
    return api;
  }

  /**
   * {@code dbutils} for this workspace: {@code fs()} and {@code secrets()} over the REST API, the
   * other utilities on the cluster of {@code cluster_id}. Made on first use and kept.
   */
  public DbUtils dbutils() {
    DbUtils d = dbutils;
    if (d == null) {
      synchronized (this) {
        d = dbutils;
        if (d == null) {
          d = new DbUtils(this);
          dbutils = d;
        }
      }
    }
    return d;
  }

  @Override
  public void close() {
    api.close();
  }

  @Override
  public String toString() {
    return "WorkspaceClient{" + api + "}";
  }

  /** Builder of {@link WorkspaceClient}: configuration values, credentials and mocked services. */
  public static final class Builder extends ClientBuilder<Builder> {
    private Builder() {}

    public WorkspaceClient build() {
      return new WorkspaceClient(apiClient(), overrides());
    }
  }
}
