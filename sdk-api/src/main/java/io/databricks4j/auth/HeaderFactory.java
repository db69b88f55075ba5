package io.databricks4j.auth;

import java.util.Map;
import java.util.Optional;

/**
 * Produces the authentication headers of one request. Called for every request (and every
 * retry), so implementations cache tokens; {@link CachedToken} does that with a single refresh
 * in flight.
 */
@FunctionalInterface
public interface HeaderFactory {

  /** The headers to add, for example {@code Authorization: Bearer ...}. */
  Map<String, String> headers();

  /**
   * The Databricks OAuth access token behind the headers, current (refreshed when due), for calls
   * that exchange it for another token: the serving data plane, say. Empty for credentials that are
   * not Databricks OAuth tokens (a PAT, basic, an Azure or Google token).
   */
  default Optional<Token> oauthToken() {
    return Optional.empty();
  }
}
