package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.Token;
import java.util.Optional;
import java.util.Map;

/** {@code Authorization: <type> <token>} from a {@link CachedToken}; its {@code toString} names only the strategy. */
public final class BearerHeaderFactory implements HeaderFactory {
  private final String strategy;
  private final CachedToken cache;

  public BearerHeaderFactory(String strategy, CachedToken cache) {
    this.strategy = strategy;
    this.cache = cache;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Authorization", cache.token().authorizationHeader());
  }

  @Override
  public Optional<Token> oauthToken() {
    return Optional.of(cache.token());
  }

  /** Forgets the cached token (after the service answered 401, say). */
  public void invalidate() {
    cache.invalidate();
  }

  @Override
  public String toString() {
    return "BearerHeaderFactory{strategy=" + strategy + "}";
  }
}
