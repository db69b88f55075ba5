package io.databricks4j.auth.gcp.internal;

import com.google.auth.oauth2.AccessToken;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import io.databricks4j.auth.TokenSource;
import java.util.concurrent.Callable;

/**
 * One refresh of a Google credential (an ID token or an access token) as an sdk-api
 * {@link TokenSource}. It does not cache: put it behind {@link io.databricks4j.auth.CachedToken}.
 */
public final class GoogleTokenSource implements TokenSource {
  private final String strategy;
  private final String what;
  private final Callable<AccessToken> refresh;
  private final Secrets secrets;

  /** {@code what} names the token in errors, for example {@code "an ID token for https://x"}. */
  public GoogleTokenSource(String strategy, String what, Callable<AccessToken> refresh, Secrets secrets) {
    this.strategy = strategy;
    this.what = what;
    this.refresh = refresh;
    this.secrets = secrets;
  }

  /** The usual way to use one: behind a cache of the strategy's. */
  public static CachedToken cached(String strategy, String what, Callable<AccessToken> refresh, Secrets secrets) {
    return CachedToken.of(strategy, new GoogleTokenSource(strategy, what, refresh, secrets));
  }

  @Override
  public Token token() {
    AccessToken token;
    try {
      token = refresh.call();
    } catch (CredentialsException e) {
      throw e;
    } catch (Exception e) {
      throw new CredentialsException(strategy + ": cannot get " + what + ": " + secrets.redact(oneLine(e)),
          secrets.sanitize(e));
    }
    if (token == null || token.getTokenValue() == null) {
      throw new CredentialsException(strategy + ": the Google Auth Library returned no token for " + what);
    }
    return Token.of(token.getTokenValue(), "Bearer",
        token.getExpirationTime() == null ? null : token.getExpirationTime().toInstant(), null);
  }

  /** The library's message (status, URL and the error the server sent) on one line. */
  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    m = m.replaceAll("\\s*\\R\\s*", " ");
    return m.length() <= 600 ? m : m.substring(0, 600) + "...";
  }

  @Override
  public String toString() {
    return "GoogleTokenSource{strategy=" + strategy + ", token=" + what + "}";
  }
}
