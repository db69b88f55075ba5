package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.CredentialsException;
import io.databricks4j.http.HttpSender;
import java.util.ServiceLoader;

/**
 * The sender of the web-application API ({@code OAuthClient}, {@code Consent},
 * {@code SessionCredentials}) when the application gave none and no client configured the
 * credentials yet: the first {@link HttpSender} registered as a service. This module never falls
 * back to connections of its own.
 */
public final class DefaultSender {
  private DefaultSender() {}

  /** The registered sender, or a {@link CredentialsException} saying how to give one. */
  public static HttpSender find(String strategy) {
    return ServiceLoader.load(HttpSender.class, DefaultSender.class.getClassLoader()).findFirst()
        .orElseThrow(() -> new CredentialsException(strategy + ": there is no HTTP sender to reach the token endpoint"
            + " with: pass the client's (OAuthClient.builder().http(...), Consent.fromMap(map, secret, http),"
            + " SessionCredentials.fromMap(map, secret, http)), or put a module that registers an"
            + " io.databricks4j.http.HttpSender service (sdk-core) on the class path"));
  }
}
