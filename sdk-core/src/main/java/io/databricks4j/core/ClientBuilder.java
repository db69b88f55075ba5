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

  /**
   * Adds a policy to every request of the client: a header, a metric, a trace span around each call
   * or attempt ({@link io.databricks4j.http.HttpPolicy#position()}).
   */
  public B policy(io.databricks4j.http.HttpPolicy v) {
    DatabricksConfig current = config.build();
    config.httpOptions(current.httpOptions().toBuilder().policy(v).build());
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

  /**
   * Checks that every replaced service is one the client hands out ({@code services} is the
   * class with the accessors), so a mock registered under the wrong class fails here instead of
   * being silently ignored.
   *
   * @throws IllegalArgumentException naming the class to register instead
   */
  public static void checkOverrides(Class<?> services, Map<Class<?>, Object> overrides) {
    if (overrides.isEmpty()) {
      return;
    }
    java.util.Set<Class<?>> served = new java.util.HashSet<>();
    java.util.ArrayDeque<Class<?>> todo = new java.util.ArrayDeque<>(java.util.List.of(services));
    while (!todo.isEmpty()) {
      for (java.lang.reflect.Method m : todo.pop().getMethods()) {
        Class<?> r = m.getReturnType();
        if (m.getParameterCount() == 0 && r.getSimpleName().matches(".*(Api|Ext)") && served.add(r)) {
          todo.push(r);
        }
      }
    }
    for (Map.Entry<Class<?>, Object> e : overrides.entrySet()) {
      Class<?> key = e.getKey();
      if (!key.isInstance(e.getValue())) {
        throw new IllegalArgumentException("the replacement for " + key.getSimpleName() + " is a "
            + e.getValue().getClass().getName() + ", not a " + key.getSimpleName());
      }
      if (served.contains(key)) {
        continue;
      }
      String instead = served.stream().filter(key::isAssignableFrom).map(Class::getSimpleName).findFirst()
          .map(sub -> "; the client hands it out as " + sub + ": mock " + sub + ".class and register it under that class")
          .orElse("");
      throw new IllegalArgumentException(key.getName() + " is not a service this client hands out" + instead);
    }
  }

  /** The services replaced so far. */
  protected Map<Class<?>, Object> overrides() {
    return Map.copyOf(overrides);
  }
}
