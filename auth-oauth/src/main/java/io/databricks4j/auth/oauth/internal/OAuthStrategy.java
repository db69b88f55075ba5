package io.databricks4j.auth.oauth.internal;

import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.CredentialsStrategy;
import io.databricks4j.auth.HeaderFactory;
import io.databricks4j.auth.TokenSource;
import java.time.Clock;
import java.util.Optional;

/**
 * What every OAuth strategy of this module has alike, so that each one states only when it
 * applies and where its tokens come from: its name, priority and requirement, the clock its
 * tokens expire by (a seam for tests), and one kind of header factory, a bearer token from a
 * {@link CachedToken}. Its {@code toString} is the class name: a strategy holds no secret, but
 * nothing here may ever print one.
 */
abstract class OAuthStrategy implements CredentialsStrategy {
  private final String name;
  private final int priority;
  private final String requirement;
  final Clock clock;

  OAuthStrategy(String name, int priority, String requirement, Clock clock) {
    this.name = name;
    this.priority = priority;
    this.requirement = requirement;
    this.clock = clock;
  }

  @Override
  public final String authType() {
    return name;
  }

  @Override
  public final int priority() {
    return priority;
  }

  @Override
  public final String requirement() {
    return requirement;
  }

  /** {@code Authorization} from a cache in front of {@code source}, refreshed before it expires. */
  final Optional<HeaderFactory> bearer(TokenSource source) {
    return Optional.of(new BearerHeaderFactory(name,
        CachedToken.of(name, source, clock, CachedToken.DEFAULT_REFRESH_MARGIN_SECONDS)));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
