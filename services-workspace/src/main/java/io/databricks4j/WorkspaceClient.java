package io.databricks4j;

import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.core.ApiClient;
import io.databricks4j.core.DatabricksConfig;
import io.databricks4j.core.HttpOptions;
import io.databricks4j.service.WorkspaceServices;
import java.util.HashMap;
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

  /** A client of {@code config}, resolved against the environment and the config file. */
  public WorkspaceClient(DatabricksConfig config) {
    this(ApiClient.create(config), Map.of());
  }

  /** A client over an existing {@link ApiClient}, with services replaced by {@code overrides} (mocks). */
  public WorkspaceClient(ApiClient api, Map<Class<?>, Object> overrides) {
    super(api, overrides);
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

  @Override
  public void close() {
    api.close();
  }

  @Override
  public String toString() {
    return "WorkspaceClient{" + api + "}";
  }

  /** Builder of {@link WorkspaceClient}. */
  public static final class Builder {
    private DatabricksConfig.Builder config = DatabricksConfig.builder();
    private final Map<Class<?>, Object> overrides = new HashMap<>();

    private Builder() {}

    /** Start from this configuration (its explicit values and settings). */
    public Builder config(DatabricksConfig c) {
      config = c.toBuilder();
      return this;
    }

    public Builder profile(String v) {
      config.profile(v);
      return this;
    }

    public Builder host(String v) {
      config.host(v);
      return this;
    }

    public Builder token(String v) {
      config.token(v);
      return this;
    }

    public Builder authType(String v) {
      config.authType(v);
      return this;
    }

    /** Authenticate with this strategy object (OAuth session credentials, say), whatever else is configured. */
    public Builder credentialsProvider(CredentialsStrategy v) {
      config.credentialsStrategy(v);
      return this;
    }

    public Builder httpOptions(HttpOptions v) {
      config.httpOptions(v);
      return this;
    }

    /** Use {@code implementation} (a Mockito mock, say) whenever the client hands out {@code service}. */
    public <T> Builder service(Class<T> service, T implementation) {
      overrides.put(service, implementation);
      return this;
    }

    public WorkspaceClient build() {
      return new WorkspaceClient(ApiClient.create(config.build()), overrides);
    }
  }
}
