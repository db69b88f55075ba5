package io.databricks4j.auth;

import java.util.Map;

/**
 * Produces the authentication headers of one request. Called for every request (and every
 * retry), so implementations cache tokens; {@link CachedToken} does that with a single refresh
 * in flight.
 */
@FunctionalInterface
public interface HeaderFactory {

  /** The headers to add, for example {@code Authorization: Bearer ...}. */
  Map<String, String> headers();
}
