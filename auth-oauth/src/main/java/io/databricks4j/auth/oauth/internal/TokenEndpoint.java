package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import net.minidev.json.JSONObject;

/** Sends a Nimbus {@link TokenRequest} and turns the answer into a {@link Token}. */
public final class TokenEndpoint {
  private static final System.Logger LOG = System.getLogger(TokenEndpoint.class.getName());

  private TokenEndpoint() {}

  /** The token endpoint answered with an HTTP error (with an OAuth error such as {@code invalid_grant}, say). */
  public static final class RefusedException extends CredentialsException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String error;

    RefusedException(String message, int status, String error) {
      super(message);
      this.status = status;
      this.error = error;
    }

    /** Whether the grant itself was refused (HTTP 400 or 401), rather than the server failing. */
    public boolean grantRefused() {
      return status == 400 || status == 401;
    }

    /** The OAuth error code, empty when the server sent none. */
    public String error() {
      return error == null ? "" : error;
    }
  }

  /**
   * Sends {@code request} through {@code sender} and returns the token it was granted. Grants that
   * only ask for a token (client credentials, token exchange) may be sent again after a lost answer;
   * an authorization code or refresh token, which the server may consume, is not.
   */
  public static Token request(String strategy, TokenRequest request, Clock clock, HttpSender sender) {
    HTTPRequest http = request.toHTTPRequest();
    http.setAccept("application/json");
    AuthorizationGrant grant = request.getAuthorizationGrant();
    boolean repeatable = grant instanceof ClientCredentialsGrant || grant instanceof TokenExchangeGrant;
    HTTPResponse response = Http.send(strategy, http, sender, repeatable);
    Token token = toToken(strategy, request.getEndpointURI(), response, clock);
    LOG.log(System.Logger.Level.DEBUG, () -> strategy + ": got a token from " + Http.withoutQuery(request.getEndpointURI())
        + " expiring " + token.expiry().map(Instant::toString).orElse("never"));
    return token;
  }

  static Token toToken(String strategy, URI endpoint, HTTPResponse response, Clock clock) {
    int status = response.getStatusCode();
    JSONObject json = Http.jsonOrNull(response);
    if (status < 200 || status > 299) {
      ErrorObject error = json == null ? null : ErrorObject.parse(json);
      String code = error == null ? null : error.getCode();
      StringBuilder message = new StringBuilder(strategy).append(": the token endpoint ")
          .append(Http.withoutQuery(endpoint)).append(" answered HTTP ").append(status);
      if (code != null) {
        message.append(": ").append(Http.printable(code, 100));
        if (error.getDescription() != null) {
          message.append(" (").append(Http.printable(error.getDescription(), 300)).append(')');
        }
      }
      message.append(status == 400 || status == 401 ? "; check the client id, secret and scopes" : "; try again later");
      throw new RefusedException(message.toString(), status, code);
    }
    if (json == null) {
      throw new CredentialsException(strategy + ": the token endpoint " + Http.withoutQuery(endpoint) + " answered HTTP "
          + status + " without a JSON object");
    }
    Instant now = clock.instant();
    try {
      AccessTokenResponse parsed = AccessTokenResponse.parse(json);
      AccessToken access = parsed.getTokens().getAccessToken();
      RefreshToken refresh = parsed.getTokens().getRefreshToken();
      return Token.of(access.getValue(), access.getType().getValue(), expiry(now, access.getLifetime()),
          refresh == null ? null : refresh.getValue());
    } catch (ParseException e) {
      // Nimbus knows only Bearer, DPoP and N_A; Databricks hosts answer with the type to send back verbatim
      return lenient(strategy, endpoint, json, now);
    }
  }

  private static Token lenient(String strategy, URI endpoint, JSONObject json, Instant now) {
    try {
      String access = JSONObjectUtils.getString(json, "access_token", null);
      if (access == null || access.isBlank()) {
        throw new CredentialsException(strategy + ": the answer of the token endpoint " + Http.withoutQuery(endpoint)
            + " has no access_token");
      }
      String type = JSONObjectUtils.getString(json, "token_type", "Bearer");
      Object expiresIn = json.get("expires_in");
      long lifetime = expiresIn instanceof Number ? ((Number) expiresIn).longValue()
          : expiresIn instanceof String ? Long.parseLong(((String) expiresIn).trim()) : 0;
      return Token.of(access, type, expiry(now, lifetime), JSONObjectUtils.getString(json, "refresh_token", null));
    } catch (ParseException | NumberFormatException e) {
      throw new CredentialsException(strategy + ": cannot read the answer of the token endpoint "
          + Http.withoutQuery(endpoint) + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static Instant expiry(Instant now, long lifetimeSeconds) {
    return lifetimeSeconds > 0 ? now.plusSeconds(lifetimeSeconds) : null;
  }
}
