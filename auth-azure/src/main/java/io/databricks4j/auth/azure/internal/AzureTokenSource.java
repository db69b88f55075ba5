package io.databricks4j.auth.azure.internal;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import io.databricks4j.auth.CachedToken;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import io.databricks4j.auth.TokenSource;

/**
 * One Azure Identity credential asked for one scope, as an sdk-api {@link TokenSource}. It does
 * not cache: put it behind {@link io.databricks4j.auth.CachedToken}.
 */
public final class AzureTokenSource implements TokenSource {
  private final String strategy;
  private final TokenCredential credential;
  private final String scope;

  public AzureTokenSource(String strategy, TokenCredential credential, String scope) {
    this.strategy = strategy;
    this.credential = credential;
    this.scope = scope;
  }

  /** The usual way to use one: behind a cache of the strategy's. */
  public static CachedToken cached(String strategy, TokenCredential credential, String scope) {
    return CachedToken.of(strategy, new AzureTokenSource(strategy, credential, scope));
  }

  @Override
  public Token token() {
    AccessToken token;
    try {
      token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
    } catch (RuntimeException e) {
      throw new CredentialsException(strategy + ": cannot get a token for " + scope + ": " + AzureErrors.describe(e), e);
    }
    if (token == null || token.getToken() == null) {
      throw new CredentialsException(strategy + ": Azure Identity returned no token for " + scope);
    }
    return Token.of(token.getToken(), "Bearer",
        token.getExpiresAt() == null ? null : token.getExpiresAt().toInstant(), null);
  }

  @Override
  public String toString() {
    return "AzureTokenSource{strategy=" + strategy + ", scope=" + scope + "}";
  }
}
