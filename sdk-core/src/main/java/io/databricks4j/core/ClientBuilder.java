package io.databricks4j.core;

import io.databricks4j.auth.CredentialsStrategy;
import java.util.HashMap;
import java.util.Map;

/**
 * What the builders of {@code WorkspaceClient} and {@code AccountClient} share: the explicit
 * configuration and the services replaced by mocks.
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {
  private DatabricksConfig.Builder config = DatabricksConfig.builder();
  private final Map<Class<?>, Object> overrides = new HashMap<>();

  protected ClientBuilder() {}

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /** Start from this configuration (its explicit values and settings). */
  public B config(DatabricksConfig c) {
    config = c.toBuilder();
    return self();
  }

  public B profile(String v) {
    config.profile(v);
    return self();
  }

  public B host(String v) {
    config.host(v);
    return self();
  }

  public B token(String v) {
    config.token(v);
    return self();
  }

  public B accountId(String v) {
    config.accountId(v);
    return self();
  }

  public B authType(String v) {
    config.authType(v);
    return self();
  }

  /** Authenticate with this strategy object (OAuth session credentials, say), whatever else is configured. */
  public B credentialsProvider(CredentialsStrategy v) {
    config.credentialsStrategy(v);
    return self();
  }

  public B httpOptions(HttpOptions v) {
    config.httpOptions(v);
    return self();
  }

  /** Use {@code implementation} (a Mockito mock, say) whenever the client hands out {@code service}. */
  public <T> B service(Class<T> service, T implementation) {
    overrides.put(service, implementation);
    return self();
  }

  /** The HTTP client of the configuration built so far. */
  protected ApiClient apiClient() {
    return ApiClient.create(config.build());
  }

  /** The services replaced so far. */
  protected Map<Class<?>, Object> overrides() {
    return Map.copyOf(overrides);
  }
}
