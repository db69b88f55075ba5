package io.databricks4j.auth.oauth.internal;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.databricks4j.auth.CredentialsException;
import io.databricks4j.auth.Token;
import io.databricks4j.http.HttpSender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The authorization code grant with PKCE (S256), shared by the browser login and the web
 * application API: the authorization URL, the check of the redirect's parameters, the code
 * exchange and refreshes. Nimbus builds every request and the client's {@link HttpSender} sends it;
 * state and verifier come from Nimbus's {@link java.security.SecureRandom}-backed constructors.
 */
public final class CodeFlow {
  private final String strategy;
  private final ClientID clientId;
  private final Secret secret;
  private final Clock clock;

  /**
   * @param clientSecret null for a public client (the CLI's {@code databricks-cli}, say)
   */
  public CodeFlow(String strategy, String clientId, String clientSecret, Clock clock) {
    this.strategy = strategy;
    this.clientId = new ClientID(clientId);
    this.secret = clientSecret == null || clientSecret.isEmpty() ? null : new Secret(clientSecret);
    this.clock = clock;
  }

  /** A fresh random state (256 bits). */
  public static String newState() {
    return new State().getValue();
  }

  /** A fresh random PKCE verifier (256 bits). */
  public static String newVerifier() {
    return new CodeVerifier().getValue();
  }

  /** The URL to send the user to. */
  public URI authorizationUrl(URI authorizationEndpoint, URI redirect, Scope scope, String state, String verifier) {
    return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), clientId)
        .endpointURI(authorizationEndpoint)
        .redirectionURI(redirect)
        .scope(scope)
        .state(new State(state))
        .codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256)
        .build()
        .toURI();
  }

  /**
   * The authorization code in the redirect's query parameters, after checking that they carry no
   * {@code error} and the expected {@code state}.
   */
  public AuthorizationCode code(URI redirect, Map<String, List<String>> params, String expectedState) {
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(redirect, params);
    } catch (ParseException e) {
      throw new CredentialsException(
          strategy + ": the login redirect carries neither a code nor an error; start the login again");
    }
    if (!response.indicatesSuccess()) {
      ErrorObject error = ((AuthorizationErrorResponse) response).getErrorObject();
      throw new CredentialsException(strategy + ": the authorization server refused the login: "
          + Http.printable(error.getCode(), 100)
          + (error.getDescription() == null ? "" : " (" + Http.printable(error.getDescription(), 300) + ")"));
    }
    State state = response.getState();
    if (state == null || !MessageDigest.isEqual(state.getValue().getBytes(StandardCharsets.UTF_8),
        expectedState.getBytes(StandardCharsets.UTF_8))) {
      throw new CredentialsException(strategy + ": the state of the login redirect does not match the one sent; "
          + "the redirect did not come from this login (start the login again)");
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    if (code == null) {
      throw new CredentialsException(strategy + ": the login redirect carries no authorization code");
    }
    return code;
  }

  /** Exchanges {@code code} for tokens. */
  public Token exchange(HttpSender sender, URI tokenEndpoint, AuthorizationCode code, URI redirect, String verifier) {
    return send(sender, tokenEndpoint, new AuthorizationCodeGrant(code, redirect, new CodeVerifier(verifier)));
  }

  /** Uses {@code refreshToken}; the answer keeps it when the server issues no new one. */
  public Token refresh(HttpSender sender, URI tokenEndpoint, String refreshToken) {
    Token t = send(sender, tokenEndpoint, new RefreshTokenGrant(new RefreshToken(refreshToken)));
    return t.refreshToken().isPresent() ? t
        : Token.of(t.accessToken(), t.tokenType(), t.expiry().orElse(null), refreshToken);
  }

  private Token send(HttpSender sender, URI tokenEndpoint, AuthorizationGrant grant) {
    TokenRequest.Builder builder = secret == null
        ? new TokenRequest.Builder(tokenEndpoint, clientId, grant)
        : new TokenRequest.Builder(tokenEndpoint, new ClientSecretBasic(clientId, secret), grant);
    return TokenEndpoint.request(strategy, builder.build(), clock, sender);
  }

  @Override
  public String toString() {
    return "CodeFlow{strategy=" + strategy + ", clientId=" + clientId + "}";
  }
}
