package io.databricks4j.auth;

/** Fetches a fresh token. Implementations may block on network I/O. */
@FunctionalInterface
public interface TokenSource {

  /**
   * Returns a new token.
   *
   * @throws CredentialsException when no token can be had
   */
  Token token();
}
