package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.databricks4j.auth.ConfigView;
import io.databricks4j.auth.HeaderFactory;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code auth_type = oauth-m2m}: a service principal's client credentials grant. Applies when host,
 * client_id and client_secret are set. The token endpoint is discovered on the first request.
 */
public final class OAuthM2mStrategy extends OAuthStrategy {
  static final String NAME = "oauth-m2m";

  public OAuthM2mStrategy() {
    this(Clock.systemUTC());
  }

  OAuthM2mStrategy(Clock clock) {
    super(NAME, 30, "needs host, client_id and client_secret (and account_id on an accounts host)", clock);
  }

  @Override
  public Optional<HeaderFactory> configure(ConfigView config) {
    Optional<String> clientId = config.attribute("client_id");
    Optional<String> secret = config.attribute("client_secret");
    if (config.host().isEmpty() || clientId.isEmpty() || secret.isEmpty()) {
      return Optional.empty();
    }
    ClientAuthentication auth = new ClientSecretBasic(new ClientID(clientId.get()), new Secret(secret.get()));
    Scope scope = Scopes.of(config.scopes());
    LazyEndpoints endpoints = new LazyEndpoints(NAME, config);
    return bearer(() -> TokenEndpoint.request(NAME,
        new TokenRequest.Builder(endpoints.get().tokenEndpoint(), auth, new ClientCredentialsGrant()).scope(scope).build(),
        clock, config.http()));
  }
}
