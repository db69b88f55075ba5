package io.databricks4j.core.http;

import io.databricks4j.http.NameResolver;

/** Name resolvers from lambdas, for tests that send a made-up host name to a loopback server. */
final class TestDns {
  private TestDns() {}

  static NameResolver of(NameResolver lookup) {
    return lookup;
  }
}
