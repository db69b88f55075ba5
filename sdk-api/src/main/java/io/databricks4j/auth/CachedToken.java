package io.databricks4j.auth;

import java.time.Clock;
import java.util.Map;

/**
 * The token cache every credential strategy shares: it hands out the cached token until it is
 * within {@code refreshMarginSeconds} of expiry, then refreshes it with exactly one refresh in
 * flight however many threads ask. A failed refresh is reported as a {@link CredentialsException}
 * naming the strategy and is retried by the next caller.
 */
public final class CachedToken implements TokenSource {
  /** Refresh this many seconds before expiry, so a request never leaves with a dying token. */
  public static final long DEFAULT_REFRESH_MARGIN_SECONDS = 40;

  private final String strategy;
  private final TokenSource source;
  private final Clock clock;
  private final long refreshMarginSeconds;
  private final Object lock = new Object();
  private volatile Token current;

  private CachedToken(String strategy, TokenSource source, Clock clock, long refreshMarginSeconds) {
    this.strategy = strategy;
    this.source = source;
    this.clock = clock;
    this.refreshMarginSeconds = refreshMarginSeconds;
  }

  /** A cache in front of {@code source}, used by the strategy named {@code strategy}. */
  public static CachedToken of(String strategy, TokenSource source) {
    return new CachedToken(strategy, source, Clock.systemUTC(), DEFAULT_REFRESH_MARGIN_SECONDS);
  }

  /** As {@link #of(String, TokenSource)} with a clock and margin of your own (tests). */
  public static CachedToken of(String strategy, TokenSource source, Clock clock, long refreshMarginSeconds) {
    return new CachedToken(strategy, source, clock, refreshMarginSeconds);
  }

  @Override
  public Token token() {
    Token t = current;
    if (t != null && t.isValidAt(clock.instant(), refreshMarginSeconds)) {
      return t;
    }
    synchronized (lock) {
      t = current;
      if (t != null && t.isValidAt(clock.instant(), refreshMarginSeconds)) {
        return t;
      }
      try {
        t = source.token();
      } catch (CredentialsException e) {
        throw e.getMessage() != null && e.getMessage().startsWith(strategy + ":")
            ? e
            : new CredentialsException(strategy + ": cannot get a token: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new CredentialsException(strategy + ": cannot get a token: " + e.getMessage(), e);
      }
      if (t == null) {
        throw new CredentialsException(strategy + ": the token source returned no token");
      }
      current = t;
      return t;
    }
  }

  /** Forgets the cached token, so the next call fetches a new one (after a 401, say). */
  public void invalidate() {
    current = null;
  }

  /** A header factory sending {@code Authorization: <type> <token>} from this cache. */
  public HeaderFactory bearer() {
    return () -> Map.of("Authorization", token().authorizationHeader());
  }

  @Override
  public String toString() {
    return "CachedToken{strategy=" + strategy + "}";
  }
}
