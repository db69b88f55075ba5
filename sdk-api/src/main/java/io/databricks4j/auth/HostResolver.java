package io.databricks4j.auth;

import java.util.Optional;

/**
 * Finds the workspace host when the configuration does not give one, from other attributes (an
 * Azure workspace resource id, say). Found by {@link java.util.ServiceLoader}; called lazily, on
 * the first request of a client that has no host, because it may need the network.
 */
public interface HostResolver {

  /** A short name for messages, for example {@code azure-resource-manager}. */
  String name();

  /**
   * The host ({@code https://...}) for {@code config}, or empty when this resolver does not apply.
   *
   * @throws CredentialsException when it applies but the lookup fails
   */
  Optional<String> resolveHost(ConfigView config);
}
