package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.token.TypelessToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import io.databricks4j.auth.TokenSource;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Workload identity federation: an ID token (a JWT from GitHub, a file or a variable) exchanged at
 * the Databricks token endpoint with the RFC 8693 token-exchange grant, sending client_id when set.
 * The ID token is read again for every exchange, because its issuer rotates it.
 */
final class IdTokenExchange implements TokenSource {
  private final String strategy;
  private final ConfigView config;
  private final Function<String, String> idTokenForAudience;
  private final LazyEndpoints endpoints;
  private final Clock clock;

  /** {@code idTokenForAudience} gets the audience to ask for. */
  IdTokenExchange(String strategy, ConfigView config, Function<String, String> idTokenForAudience, Clock clock) {
    this.strategy = strategy;
    this.config = config;
    this.idTokenForAudience = idTokenForAudience;
    this.endpoints = new LazyEndpoints(strategy, config);
    this.clock = clock;
  }

  @Override
  public Token token() {
    URI tokenEndpoint = endpoints.get().tokenEndpoint();
    String idToken = idTokenForAudience.apply(audience(tokenEndpoint));
    if (idToken == null || idToken.isBlank()) {
      throw new CredentialsException(strategy + ": the ID token is empty");
    }
    TokenExchangeGrant grant = new TokenExchangeGrant(new TypelessToken(idToken.strip()), TokenTypeURI.JWT);
    Scope scope = Scopes.of(config.scopes());
    Optional<String> clientId = config.attribute("client_id");
    TokenRequest request = clientId.isPresent()
        ? new TokenRequest.Builder(tokenEndpoint, new ClientID(clientId.get()), grant).scope(scope).build()
        : new TokenRequest.Builder(tokenEndpoint, grant).scope(scope).build();
    return TokenEndpoint.request(strategy, request, clock, config.http());
  }

  /** token_audience, else the account id on an accounts host, else the token endpoint (as the Go SDK does). */
  private String audience(URI tokenEndpoint) {
    Optional<String> explicit = config.attribute("token_audience");
    if (explicit.isPresent()) {
      return explicit.get();
    }
    Optional<String> accountId = config.attribute("account_id");
    if (config.isAccountClient() && accountId.isPresent()) {
      return accountId.get();
    }
    return tokenEndpoint.toString();
  }

  @Override
  public String toString() {
    return "IdTokenExchange{strategy=" + strategy + "}";
  }
}
