package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.ConfigView;

/** Resolves the OIDC endpoints on first use (not in {@code configure}) and remembers them once found. */
final class LazyEndpoints {
  private final String strategy;
  private final ConfigView config;
  private OidcEndpoints endpoints;

  LazyEndpoints(String strategy, ConfigView config) {
    this.strategy = strategy;
    this.config = config;
  }

  synchronized OidcEndpoints get() {
    if (endpoints == null) {
      endpoints = OidcEndpoints.resolve(strategy, config);
    }
    return endpoints;
  }
}
